// The STAR story planner's list and form (star-planner.js starts the planner and calls
// stories(p) with its state `p`: the stories as stored, p.list, and the story being edited): the
// stories, most recent first, with each principle's coverage; add, edit and delete a story, saved
// against what is stored now, merged with another tab's changes to the same story.
(() => {
  "use strict";
  function stories(p) {
    const { el, TEXT } = window.guideKit;
    const { byRecent, month, coverage, problemIn, merge, stories: count, PARTS } = window.guidePlanner;
    const { $, cfg, principles, names, form, boxes, say } = p;
    const { form: formMsg, list: listMsg } = p.msgs;

    function render() {
      const cutoff = new Date();
      cutoff.setMonth(cutoff.getMonth() - cfg.recentMonths);
      const old = cutoff.toISOString().slice(0, 7);
      const years = cfg.recentMonths / 12;
      const items = byRecent(p.list).map((s) => {
        const li = el("li", "guide-planner__story");
        const meta = [s.when ? month(s.when) : "No date"];
        if (s.when && s.when < old) meta.push(`more than ${years === 1 ? "a year" : years + " years"} ago`);
        meta.push(s.principles.map((id) => names.get(id)).join(", "));
        const dl = el("dl");
        for (const f in PARTS) if (s[f]) dl.append(el("dt", "", PARTS[f]), el("dd", "", s[f]));
        const actions = el("div", "guide-tool__buttons");
        for (const [label, act] of [["Edit", edit], ["Delete", remove]]) {
          const b = el("button", "md-button", label);
          b.type = "button";
          b.setAttribute("aria-label", `${label} “${s.title}”`);
          b.onclick = () => act(s);
          actions.append(b);
        }
        li.append(el("h3", "", s.title), el("p", "guide-planner__meta", meta.join(" · ")), dl, actions);
        return li;
      });
      $("list").replaceChildren(...items);
      $("count").textContent = p.list.length ? `${count(p.list.length)}, most recent first.` : "No stories yet.";
      const target = cfg.storiesPerPrinciple;
      const { counts, covered } = coverage(p.list, principles.map((x) => x.id), target);
      for (const tr of $("coverage").tBodies[0].rows) {
        const n = counts.get(tr.dataset.principle);
        tr.cells[1].textContent = n;
        tr.cells[2].textContent = n < target ? `Needs ${target - n} more` : "Covered";
        tr.classList.toggle("is-gap", n < target);
      }
      $("coverage-summary").textContent = `${covered} of ${counts.size} principles have at least ${count(target)}.` +
        (covered < counts.size ? " Rows marked “Needs … more” are the gaps to fill." : "");
    }

    function reset(id = null) {
      form.reset();
      showError(null);
      p.editing = id;
      p.base = id ? p.list.find((x) => x.id === id) || null : null;
      $("form-heading").textContent = id ? "Edit story" : "Add a story";
      $("save").textContent = id ? "Save changes" : "Add story";
      $("cancel").hidden = !id;
    }

    function edit(s) {
      reset(s.id);
      for (const f of TEXT) $(f).value = s[f];
      for (const b of boxes) b.checked = s.principles.includes(b.value);
      $("form-heading").scrollIntoView();
      $("title").focus({ preventScroll: true });
    }

    function remove(s) {
      if (!confirm(`Delete the story “${s.title}”? This cannot be undone.`)) return;
      if (p.editing === s.id) reset();
      p.load(); // what is stored now: another tab may have added or changed stories since
      if (p.save(p.list.filter((x) => x.id !== s.id), listMsg)) say(listMsg, "Story deleted.");
      render();
      $("list-heading").focus();
    }

    // A problem in the form is said beside the field it is about (read with it, in view when the
    // field takes the focus), and in the form's messages; null clears it.
    const fieldError = el("p", "guide-tool__error");
    fieldError.id = "star-field-error";
    fieldError.setAttribute("role", "alert");
    function showError(problem) {
      for (const f of [...TEXT.map($), boxes[0].closest("fieldset")]) {
        f.removeAttribute("aria-invalid");
        f.setAttribute("aria-describedby", (f.getAttribute("aria-describedby") || "").replace(/\s*star-field-error/, "").trim());
        if (!f.getAttribute("aria-describedby")) f.removeAttribute("aria-describedby");
      }
      fieldError.remove();
      if (!problem) return;
      const field = problem[0] ? $(problem[0]) : boxes[0].closest("fieldset");
      fieldError.textContent = problem[1];
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " star-field-error").trim());
      if (problem[0]) field.before(fieldError);
      else field.querySelector("legend").after(fieldError);
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const s = { id: p.editing || "s" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8) };
      for (const f of TEXT) s[f] = $(f).value.trim();
      s.principles = boxes.filter((b) => b.checked).map((b) => b.value);
      const problem = problemIn(s);
      showError(problem);
      if (problem) {
        say(formMsg, "");
        return (problem[0] ? $(problem[0]) : boxes[0]).focus();
      }
      // Save against what is stored now, not what this page last read: another tab or window may
      // have changed or deleted the story since.
      p.load();
      const was = p.editing;
      const now = was ? p.list.find((x) => x.id === was) : null;
      if (was && !now) {
        p.editing = null; // the form keeps the text: Add story saves it as a new story
        p.base = null;
        $("form-heading").textContent = "Add a story";
        $("save").textContent = "Add story";
        $("cancel").hidden = true;
        render();
        say(formMsg, `Not saved: “${s.title}” was deleted in another tab or window. Your text is still in the form: press Add story to keep it as a new story.`, 1);
        return $("title").focus();
      }
      let next = s;
      let merged = false;
      if (was && p.base && JSON.stringify(now) !== JSON.stringify(p.base)) {
        const m = merge(p.base, s, now);
        if (m.conflicts.length) {
          // The form takes the other side's changes that do not conflict; pressing Save changes
          // again then replaces only the conflicting fields with this form's.
          for (const f of TEXT) $(f).value = m.story[f];
          if (!m.conflicts.includes("principles")) for (const b of boxes) b.checked = m.story.principles.includes(b.value);
          p.base = now;
          render();
          const names = m.conflicts.map((f) => (f === "principles" ? "Principles" : $(f).labels[0].textContent));
          say(formMsg, `Not saved: this story was changed in another tab or window too (${names.join(", ")}). Your text is still in the form: press Save changes again to replace the other version, or Cancel editing to keep it.`, 1);
          return $("save").focus();
        }
        next = m.story;
        merged = true;
      }
      const ok = p.save(was ? p.list.map((x) => (x.id === was ? next : x)) : p.list.concat(next), formMsg);
      reset();
      render();
      if (ok) say(formMsg, !was ? `Story added: ${p.list.length} in total.` : merged ? "Changes saved, together with the changes made to this story in another tab or window." : "Changes saved.");
    });
    $("cancel").onclick = () => {
      reset();
      say(formMsg, "Editing canceled; the story is unchanged.");
    };

    Object.assign(p, { render, reset });
  }

  window.guidePlannerStories = stories;
})();
