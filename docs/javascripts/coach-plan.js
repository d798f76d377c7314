// The study plan (docs/practice/study-plan.md, tool "study-plan"): the source's preparation
// strategy over the days left before the interview, and its .ics calendar file. The functions
// above startPlan are its pure logic, tested in tests/js/coach-plan.test.js; the page lists the
// coach's shared files first (coach-core.js says which).
(() => {
  "use strict";
  // coach-core.js: Node's require(); in the page, window's, read when used.
  const node = typeof module === "object" && module.exports ? require("./coach-core.js") : null;
  const C = () => node || window.guideCoachCore;
  const addDays = (s, n) => C().addDays(s, n);
  const daysBetween = (a, b) => C().daysBetween(a, b);

  // The source's preparation strategy over the days from `today` up to the day before `interview`:
  // stories for every principle first (`perDay` principles a day), then the technical topics, with a
  // mock loop every `mockEvery` days from the second half on and the last one two days before,
  // and the day's due reviews every day. One entry a day, plus the interview itself.
  function plan({ today, interview, principles, topics, mockEvery, recency, answer }) {
    const n = daysBetween(today, interview);
    if (n < 1) return [];
    const storyDays = Math.max(1, Math.ceil(n / 2));
    const perDay = Math.ceil(principles.length / storyDays);
    const days = [];
    for (let i = 0; i < n; i++) {
      const tasks = [];
      const mine = principles.slice(i * perDay, (i + 1) * perDay);
      if (mine.length) tasks.push(`Prepare STAR stories for ${mine.join(", ")}: recent (within ${recency}), with a measured result and the customer impact`);
      const t = i - Math.ceil(principles.length / perDay);
      if (t >= 0 && topics.length) tasks.push(`Technical: ${topics[t % topics.length]}`);
      const left = n - i;
      const mock = left === 2 || (i >= storyDays && (left - 2) % mockEvery === 0 && left > 2);
      if (mock && n >= 3) tasks.push(`Mock loop: a full mock loop out loud, each Leadership Principle answer time-boxed to ${answer}, the design with AWS services`);
      if (i > 0) tasks.push("Review: answer today's due questions in the drill");
      if (left === 1) tasks.push("Rest: read your stories once, then stop");
      days.push({ day: addDays(today, i), title: mock && n >= 3 ? "Mock loop day" : mine.length ? "Leadership Principle stories" : "Technical practice and review", tasks });
    }
    days.push({ day: interview, title: "Interview day", tasks: ["Your Amazon interview"] });
    return days;
  }

  // The plan as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets, text
  // escaped, one all-day event a day, each with its own UID, the DTSTAMP `stamp` (a Date) and a
  // SEQUENCE that grows with `stamp`.
  const escapeText = (s) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  function fold(line) {
    const out = [];
    let cur = "";
    let bytes = 0;
    for (const ch of line) {
      const b = new TextEncoder().encode(ch).length;
      if (bytes + b > (out.length ? 74 : 75)) {
        out.push(cur);
        cur = "";
        bytes = 0;
      }
      cur += ch;
      bytes += b;
    }
    out.push(cur);
    return out.join("\r\n ");
  }
  function ics(days, { stamp }) {
    const compact = (s) => s.replace(/-/g, "");
    // A UID per place in the plan, counted back from the interview: the same whatever the date,
    // wherever the file comes from (the hosted site or the offline edition), so a calendar that
    // imports a newer file moves and updates its events instead of adding copies. SEQUENCE, the
    // seconds since 2026 at download, tells the calendar the newer file's events replace the older.
    const last = days.length ? days[days.length - 1].day : "";
    const utc = stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const sequence = Math.max(0, Math.floor((stamp.getTime() - Date.UTC(2026, 0, 1)) / 1000));
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Interview Guide//Study plan//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    for (const d of days) {
      lines.push(
        "BEGIN:VEVENT",
        `UID:${d.day === last ? "interview" : `day-${daysBetween(d.day, last)}-before-interview`}@study-plan.interview-guide`,
        `DTSTAMP:${utc}`,
        `SEQUENCE:${sequence}`,
        `DTSTART;VALUE=DATE:${compact(d.day)}`,
        `DTEND;VALUE=DATE:${compact(addDays(d.day, 1))}`,
        `SUMMARY:${escapeText(d.title)}`,
        `DESCRIPTION:${escapeText(d.tasks.join("\n"))}`,
        "TRANSP:TRANSPARENT",
        "END:VEVENT"
      );
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  // --------------------------------------------------------------- study plan
  function startPlan(root, cfg) {
    const { ISO_DAY, plural, longDay, checkPlan } = C();
    const { el } = window.guideKit;
    const { data, today, store, storageProblem, say } = window.guideCoachStore;
    const D = data();
    const $ = (id) => document.getElementById("guide-plan-" + id);
    const input = $("date");
    let days = [];
    function show(date, remember) {
      const t = today();
      const n = date ? daysBetween(t, date) : 0;
      if (!date || n < 1 || n > cfg.maxDays) {
        $("list").replaceChildren(el("li", "", "Choose your interview date to see the plan."));
        $("ics").disabled = true;
        days = [];
        return date ? say($("msgs"), `Pick a date from tomorrow to ${cfg.maxDays} days ahead.`, 1) : say($("msgs"), "");
      }
      days = plan({ today: t, interview: date, principles: D.order.map((id) => D.principles[id].name), ...cfg });
      $("list").replaceChildren(...days.map((d) => {
        const li = el("li");
        li.append(el("h3", "", `${longDay(d.day)}: ${d.title}`));
        const ul = el("ul");
        ul.append(...d.tasks.map((x) => el("li", "", x)));
        li.append(ul);
        return li;
      }));
      $("ics").disabled = false;
      let note = `${plural(n, "day")} to go: ${plural(days.length, "calendar entry", "calendar entries")}.`;
      if (remember) {
        try {
          store.writeAll([[D.keys.plan, { version: D.planVersion, interview: date }]]);
        } catch (e) {
          note += ` Not saved: ${storageProblem(e)}; the plan lasts until you leave the page.`;
          return say($("msgs"), note, 1);
        }
      }
      say($("msgs"), note);
    }
    input.min = addDays(today(), 1);
    input.onchange = () => show(ISO_DAY.test(input.value) ? input.value : null, true);
    $("ics").onclick = () => {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([ics(days, { stamp: new Date() })], { type: "text/calendar" }));
      a.download = "amazon-interview-study-plan.ics";
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    };
    try {
      const saved = store.read(D.keys.plan, null);
      if (saved && !checkPlan(saved, { version: D.planVersion })) {
        input.value = saved.interview;
        show(saved.interview, false);
      }
    } catch (e) {
      say($("msgs"), `Your saved date cannot be read: ${storageProblem(e)}.`, 1);
    }
    root.querySelector(".guide-tool__ui").disabled = false;
  }


  if (typeof module === "object" && module.exports) module.exports = { plan, ics, fold, escapeText };
  else (window.guideTools = window.guideTools || []).push({ name: "study-plan", needs: ["guideCoachData", "guideKit", "guideCoachCore", "guideCoachStore"], start: startPlan });
})();
