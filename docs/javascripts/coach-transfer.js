// The readiness page's one backup and one delete: export everything the practice tools keep in
// this browser, import a backup (or a STAR planner file) all or nothing, delete it all. What a file
// must hold is coach-backup.js's; the page's tool is coach-readiness.js, which calls transfer().
(() => {
  "use strict";
  const utf8 = (buf) => new TextDecoder("utf-8", { fatal: true }).decode(buf);
  const base64 = (blob) =>
    blob.arrayBuffer().then((buf) => {
      let s = "";
      const bytes = new Uint8Array(buf);
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s);
    });

  // The buttons of the readiness page (`$` finds its elements by id); `render` draws the page again.
  function transfer($, D, render) {
    const { plural } = window.guideCoachCore;
    const { el } = window.guideKit;
    const { today, store, cap, storageProblem, db, say, readAll } = window.guideCoachStore;
    const { readBackup, makeBackup, exportableCode } = window.guideCoachBackup;

    // One backup: export.
    $("export").onclick = async () => {
      let parts;
      let left = 0;
      try {
        const s = readAll(D);
        const code = exportableCode(s.code, D.backup.code, new Set(Object.keys(D.problems || {})));
        left = code.left;
        parts = { stories: s.stories, reviews: { version: D.reviewsVersion, reviews: s.reviews }, schedule: { version: D.scheduleVersion, cards: s.cards }, plan: s.plan, code: code.code };
        if ($("with-audio").checked) parts.recordings = await Promise.all((await db.all()).map(async (x) => ({ q: x.q, type: x.type, seconds: x.seconds, date: x.date, audio: await base64(x.blob) })));
      } catch (e) {
        return say($("file-msgs"), `Nothing exported: ${storageProblem(e)}.`, 1);
      }
      const text = JSON.stringify(makeBackup(parts, D.backup, new Date().toISOString()), null, 2) + "\n";
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      a.download = `interview-guide-backup-${today()}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      say($("file-msgs"), `Backup exported: ${plural(parts.stories.length, "story", "stories")}, ${plural(Object.keys(parts.reviews.reviews).length, "question")} reviewed, code for ${plural(Object.keys(parts.code.problems).length, "coding problem")}` + (parts.recordings ? `, ${plural(parts.recordings.length, "recording")}` : "") +
        (left ? `. Left out: the stored code of ${plural(left, "problem")} this version of the guide cannot read back (a problem it no longer has, or a damaged entry); it stays in this browser.` : "."));
    };

    // One backup: import, all or nothing.
    $("import").addEventListener("change", async (e) => {
      const file = e.target.files[0];
      e.target.value = "";
      if (!file) return;
      const fail = (why) => say($("file-msgs"), `Nothing was imported. ${why}`, 1);
      if (file.size > D.backup.maxBytes) return fail(`The file is larger than ${D.backup.maxBytes / 1048576} MB.`);
      let d;
      let text;
      try {
        text = utf8(await file.arrayBuffer());
      } catch {
        return fail("The file is not UTF-8 text, as the guide writes its backups.");
      }
      try {
        d = JSON.parse(text);
      } catch {
        return fail("The file is not valid JSON.");
      }
      const known = { principles: new Set(D.order), questions: new Set(Object.keys(D.questions)), problems: new Set(Object.keys(D.problems || {})) };
      const { problem, parts } = readBackup(d, D.backup, known);
      if (problem) return fail(problem);
      // The question names exactly what is replaced: a backup without recordings leaves those here.
      const what = `${plural(parts.stories.length, "story", "stories")}` + (parts.reviews ? `, ${plural(Object.keys(parts.reviews.reviews).length, "question")} reviewed, the review schedule and the study plan` : "") +
        (!parts.code ? "" : Object.keys(parts.code.problems).length ? `, code for ${plural(Object.keys(parts.code.problems).length, "coding problem")}` : ", and no code (code stored here for the coding problems is removed)");
      const ask = !parts.reviews ? `Replace the STAR stories in this browser with those in the file (${what})?`
        : parts.recordings ? `Replace everything the practice tools keep in this browser with the backup (${what}, ${plural(parts.recordings.length, "recording")})?`
        : `Replace the stories, self-reviews, review schedule and study plan in this browser with the backup's (${what})? It holds no recordings: those in this browser stay as they are.`;
      const keepsCode = parts.reviews && !parts.code ? " It holds no code (an older backup): the code you wrote in this browser stays as it is." : "";
      if (!confirm(ask + keepsCode)) return say($("file-msgs"), "Import canceled; nothing changed.");
      const pairs = [[D.keys.stories, { version: D.storiesVersion, stories: parts.stories }]];
      if (parts.reviews) pairs.push([D.keys.reviews, parts.reviews], [D.keys.schedule, parts.schedule], [D.keys.plan, parts.plan]);
      // A backup's empty code store removes the key, as on a device that never stored any.
      if (parts.code) pairs.push([D.keys.code, Object.keys(parts.code.problems).length ? parts.code : null]);
      let blobs = null;
      if (parts.recordings) blobs = parts.recordings.map((x) => ({ q: x.q, type: x.type, seconds: x.seconds, date: x.date, blob: new Blob([Uint8Array.from(atob(x.audio), (c) => c.charCodeAt(0))], { type: x.type }) }));
      let before;
      try {
        before = pairs.map(([k]) => [k, localStorage.getItem(k)]);
        store.writeAll(pairs);
      } catch (err) {
        // When a value could not be put back, part of the file did land: "Nothing was imported" would be false.
        if (err && err.notRestored) return say($("file-msgs"), `The import stopped partway: ${storageProblem(err)}, and part of what was saved before could not be put back, so this browser now holds a mix of the file and your earlier data. Import the file again once there is room, or export a backup now to keep what is here.`, 1);
        return fail(`${cap(storageProblem(err))}. ${store.unchanged(err, "what was saved before")}`);
      }
      if (blobs) {
        try {
          await db.replaceAll(blobs); // one transaction: on failure the recordings are as they were
        } catch (err) {
          try {
            store.put(before); // and the text as it was
          } catch {
            say($("file-msgs"), `The recordings could not be written (${storageProblem(err)}), so the import stopped; your earlier recordings are unchanged, but part of your earlier text could not be put back. Export a backup now.`, 1);
            return render();
          }
          return fail(`The recordings could not be written: ${storageProblem(err)}. What was saved before is unchanged.`);
        }
      }
      say($("file-msgs"), parts.reviews ? `Backup imported: ${plural(parts.stories.length, "story", "stories")}, ${plural(Object.keys(parts.reviews.reviews).length, "question")} reviewed` + (parts.code ? `, code for ${plural(Object.keys(parts.code.problems).length, "coding problem")}` : "") + (blobs ? `, ${plural(blobs.length, "recording")}.` : "; the recordings in this browser are unchanged.") : `Imported ${plural(parts.stories.length, "story", "stories")} from a STAR planner file.`);
      render();
    });

    // One delete. Material keeps its settings under keys named after the site's root path (__md_scope).
    const scope = typeof __md_scope !== "undefined" ? __md_scope.pathname : new URL(".", location.href).pathname;
    $("delete-all").onclick = async () => {
      if (!confirm("Delete everything the practice tools keep on this device: stories, self-reviews, the review schedule, the study plan, the code you wrote for the coding problems and every recording? This cannot be undone: export a backup first to keep a copy."))
        return say($("delete-msgs"), "Nothing was deleted.");
      try {
        for (const k of Object.values(D.keys)) localStorage.removeItem(k);
        // Every other key of this site too, Material's own (the palette) among them: Material names
        // them after the site's root path; ours start with "interview-guide:".
        const mine = (k) => k.startsWith("interview-guide:") || k.startsWith(scope + ".");
        for (const s of [localStorage, sessionStorage]) for (const k of Object.keys(s)) if (mine(k)) s.removeItem(k);
      } catch (e) {
        return say($("delete-msgs"), `Not deleted: ${storageProblem(e)}.`, 1);
      }
      try {
        await new Promise((ok, fail) => {
          const req = indexedDB.deleteDatabase(D.db.name);
          req.onsuccess = ok;
          req.onerror = () => fail(req.error);
          req.onblocked = ok; // finishes once other tabs close it
        });
      } catch (e) {
        return say($("delete-msgs"), "The text data is deleted, but the recordings could not be: " + storageProblem(e) + ".", 1);
      }
      say($("delete-msgs"), "Everything is deleted. Nothing of the practice tools is left in this browser.");
      render();
    };
  }

  window.guideCoachTransfer = transfer;
})();
