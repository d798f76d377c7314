// The coach's recorder, for one question or coding problem (coach-panel.js builds the panel and
// calls recorder(c) with it): record an answer out loud against the answer's time, listen back,
// keep it on this device (IndexedDB) or delete it. `c` is the panel: its elements, the question
// it is for (c.qid, which changes when the drill shows another), and the state kept here.
(() => {
  "use strict";
  function recorder(c) {
    const { clock, MAX_SECONDS } = window.guideCoachCore;
    const { today, storageProblem, db, say } = window.guideCoachStore;
    const { rec, stop, keep, drop, audio, status, talk, words } = c;
    Object.assign(c, { recorder: null, stream: null, began: 0, timer: null, taken: null, pending: null, url: null });

    c.close = () => {
      clearInterval(c.timer);
      if (c.recorder && c.recorder.state !== "inactive") c.recorder.stop();
      if (c.stream) c.stream.getTracks().forEach((t) => t.stop());
      if (c.url) URL.revokeObjectURL(c.url);
    };
    const seconds = () => Math.round((Date.now() - c.began) / 1000);
    c.showAudio = (blob) => {
      if (c.url) URL.revokeObjectURL(c.url);
      c.url = blob ? URL.createObjectURL(blob) : null;
      audio.hidden = !blob;
      if (blob) audio.src = c.url;
      else audio.removeAttribute("src");
    };
    c.buttons = (state) => {
      rec.hidden = state === "recording";
      stop.hidden = state !== "recording";
      keep.hidden = state !== "new";
      drop.hidden = !(state === "new" || state === "kept");
      rec.textContent = state === "kept" || state === "new" ? "Record again" : words.rec;
    };

    async function record() {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof MediaRecorder === "undefined")
        return say(talk, "This browser cannot record audio. Answer out loud anyway, then review your answer.", 1);
      try {
        c.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (e) {
        const why = e && e.name === "NotAllowedError" ? "Microphone access was refused, so nothing is recorded." : e && e.name === "NotFoundError" ? "No microphone was found, so nothing is recorded." : "The microphone could not be started, so nothing is recorded.";
        return say(talk, `${why} Answer out loud anyway: the clock and the self-review work as before. To record, allow the microphone in the browser's site settings.`, 1);
      }
      // A recording belongs to the question it was started for: the stop arrives later, when the
      // drill may show another question; it is then discarded, never shown or kept under that one.
      const forQ = c.qid;
      const mine = (c.recorder = new MediaRecorder(c.stream));
      const chunks = [];
      const tracks = c.stream;
      mine.ondataavailable = (e) => e.data.size && chunks.push(e.data);
      mine.onstop = () => {
        tracks.getTracks().forEach((t) => t.stop());
        if (c.recorder !== mine || c.qid !== forQ) return;
        clearInterval(c.timer);
        c.taken = Math.min(seconds(), MAX_SECONDS);
        const type = mine.mimeType || "audio/webm";
        c.pending = { q: forQ, blob: new Blob(chunks, { type }), type, seconds: c.taken, date: today() };
        c.showAudio(c.pending.blob);
        c.buttons("new");
        status.textContent = `Recorded ${clock(c.taken)}.`;
        say(talk, "Listen back, then keep the recording or delete it. It stays on this device only.");
        c.keepFocus(keep);
      };
      c.began = Date.now();
      c.recorder.start();
      c.buttons("recording");
      say(talk, c.coding ? "Recording. Talk through the problem out loud as you solve it, then press Stop." : "Recording. Answer out loud, then press Stop.");
      const drill = document.getElementById("guide-drill-toggle");
      if (c.follow && drill && /^Start/.test(drill.textContent)) drill.click(); // the drill's countdown runs too
      c.timer = setInterval(() => {
        const s = seconds();
        const left = c.limit - s; // the countdown of the answer's time, as in the drill
        status.textContent = left > 0 ? `Recording: ${clock(left)} left` : `Recording: time's up (${clock(s)}). Finish your sentence, then press Stop.`;
        if (s >= c.D.maxRecordSeconds) c.recorder.stop();
      }, 250);
      stop.focus();
    }
    rec.onclick = record;
    stop.onclick = () => c.recorder && c.recorder.state !== "inactive" && c.recorder.stop();
    keep.onclick = async () => {
      const it = c.pending;
      if (!it || it.q !== c.qid) return;
      try {
        await db.put(it);
        if (c.pending !== it) return; // the question changed meanwhile: its own panel is on screen
        c.buttons("kept");
        say(talk, "Recording kept on this device.");
        c.pending = null;
        c.keepFocus(c.reviewBtn);
      } catch (e) {
        say(talk, `Not kept: ${storageProblem(e)}. You can still listen to it until you leave the page.`, 1);
      }
    };
    drop.onclick = async () => {
      if (c.pending) {
        c.pending = null;
        c.showAudio(null);
        c.buttons("none");
        c.keepFocus(rec);
        return say(talk, "Recording deleted.");
      }
      const forQ = c.qid;
      try {
        await db.remove(forQ);
        if (c.qid !== forQ) return;
        c.showAudio(null);
        c.buttons("none");
        c.keepFocus(rec);
        say(talk, "Recording deleted from this device.");
      } catch (e) {
        say(talk, `Not deleted: ${storageProblem(e)}.`, 1);
      }
    };
  }

  window.guideCoachRecorder = recorder;
})();
