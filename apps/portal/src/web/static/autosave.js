// Autosave for assessment forms (one standard, or each row of the whole table). Without this file
// the forms post normally; with it, every change is PUT to the API with the version it was loaded
// at. An edit is never dropped: a refused save keeps the text and says why, a clash (409) offers
// "keep mine" or "use theirs", and leaving with unsaved changes asks first.

const TEXT_DELAY_MS = 1500;
const CHOICE_DELAY_MS = 300;
const RETRY_MS = 5000;

const toScore = (value) => {
  if (value === "" || value === undefined || value === null) return null;
  if (value === "na") return "na";
  return /^\d+$/u.test(value) ? Number(value) : value;
};

const time = () => new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

const editors = [];

class Autosave {
  constructor(container) {
    this.container = container;
    this.url = container.dataset.autosave;
    this.prefix = container.dataset.prefix ?? "";
    this.form = container.closest("form");
    this.csrf = this.form?.dataset.csrf ?? "";
    this.status = container.querySelector("[data-autosave-status]");
    this.dirty = false;
    this.saving = false;
    this.again = false;
    this.timer = undefined;
    let ratings = null;
    try {
      ratings = JSON.parse(container.dataset.privateRatings ?? "null");
    } catch {
      ratings = null;
    }
    this.privateRatings = ratings;
    container.addEventListener("input", (event) => this.edited(event, TEXT_DELAY_MS));
    container.addEventListener("change", (event) => this.edited(event, CHOICE_DELAY_MS));
    container.addEventListener("focusout", (event) => {
      if (event.target instanceof HTMLTextAreaElement && this.dirty) this.schedule(0);
    });
  }

  element(name) {
    return this.form?.elements.namedItem(`${this.prefix}${name}`) ?? null;
  }

  value(name) {
    const element = this.element(name);
    if (element === null) return "";
    // A radio group arrives as a RadioNodeList; its value is the checked one's ("" when none).
    return element.value ?? "";
  }

  set(name, value) {
    const element = this.element(name);
    if (element === null) return;
    if (element instanceof RadioNodeList) {
      for (const radio of element) radio.checked = radio.value === value;
    } else {
      element.value = value;
    }
  }

  edited(event, delay) {
    if (!(event.target instanceof HTMLElement) || event.target.dataset.field === "version") return;
    if (!this.container.contains(event.target) && event.target.name !== "reason") return;
    this.dirty = true;
    this.say("Not saved yet");
    this.schedule(delay);
  }

  schedule(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), delay);
  }

  say(text, html) {
    if (this.status === null) return;
    this.status.replaceChildren();
    if (text !== undefined) this.status.append(text);
    if (html !== undefined) this.status.append(...html);
  }

  body() {
    const reason = this.form?.elements.namedItem("reason");
    return {
      version: Number(this.value("version")),
      views: {
        serviceUser: toScore(this.value("serviceUser")),
        staff: toScore(this.value("staff")),
        carer: toScore(this.value("carer")),
      },
      ...(this.privateRatings === null ? {} : { privateRatings: this.privateRatings }),
      agreed: toScore(this.value("agreed")),
      rationale: this.value("rationale"),
      evidence: this.value("evidence"),
      ...(reason && reason.value.trim() !== "" ? { reason: reason.value } : {}),
    };
  }

  async save() {
    if (this.saving) {
      this.again = true;
      return;
    }
    if (!this.dirty) return;
    this.saving = true;
    this.dirty = false;
    this.say("Saving…");
    let response;
    try {
      response = await fetch(this.url, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": this.csrf },
        body: JSON.stringify(this.body()),
      });
    } catch {
      this.dirty = true;
      this.saving = false;
      this.say("Not saved: the connection failed. Trying again…");
      this.schedule(RETRY_MS);
      return;
    }
    const answer = await response.json().catch(() => ({}));
    this.saving = false;
    if (response.ok) {
      this.set("version", String(answer.version));
      this.say(this.dirty ? "Saving…" : `Saved at ${time()}`);
    } else if (response.status === 409 && answer.current) {
      this.dirty = true;
      this.clash(answer.current);
      return;
    } else {
      this.dirty = true;
      const problems = Array.isArray(answer.errors)
        ? answer.errors.map((problem) => problem.message ?? String(problem))
        : Array.isArray(answer.reasons)
          ? answer.reasons.map((reason) => reason.message)
          : [answer.detail ?? `The server answered ${response.status}.`];
      this.say(
        response.status === 401 || response.status === 403
          ? "Not saved: you may have been signed out. Copy your text, sign in again in a new tab, then save."
          : `Not saved: ${problems.join(" ")}`,
      );
      return;
    }
    if (this.again || this.dirty) {
      this.again = false;
      this.save();
    }
  }

  /** Someone else saved first: show both choices; nothing is sent until the person picks one. */
  clash(current) {
    const keep = document.createElement("button");
    keep.type = "button";
    keep.className = "nhsuk-button nhsuk-button--secondary nhsuk-button--small";
    keep.textContent = "Keep mine";
    keep.addEventListener("click", () => {
      this.set("version", String(current.version));
      this.dirty = true;
      this.save();
    });
    const theirs = document.createElement("button");
    theirs.type = "button";
    theirs.className = "nhsuk-button nhsuk-button--secondary nhsuk-button--small";
    theirs.textContent = "Use theirs";
    theirs.addEventListener("click", () => {
      const text = (value) => (value === null || value === undefined ? "" : String(value));
      this.set("version", String(current.version));
      this.set("serviceUser", text(current.views.serviceUser));
      this.set("staff", text(current.views.staff));
      this.set("carer", text(current.views.carer));
      this.set("agreed", text(current.agreed));
      this.set("rationale", current.rationale ?? "");
      this.set("evidence", current.evidence ?? "");
      this.dirty = false;
      this.say(`Showing the answers someone else saved at ${time()}.`);
    });
    const who = current.rationale || current.evidence ? " Their words: " : "";
    this.say(
      `Someone else saved this standard while you were editing.${who}${who ? `“${current.rationale || current.evidence}”. ` : " "}Your answers are still here.`,
      [" ", keep, " ", theirs],
    );
  }
}

for (const container of document.querySelectorAll("[data-autosave]")) {
  editors.push(new Autosave(container));
}

window.addEventListener("beforeunload", (event) => {
  if (editors.some((editor) => editor.dirty || editor.saving)) event.preventDefault();
});

// A normal submit sends everything anyway: pending autosaves are cancelled, and a save already on
// its way is waited for, so the form carries the version it produced (no false clash).
for (const form of new Set(editors.map((editor) => editor.form))) {
  form?.addEventListener("submit", (event) => {
    const mine = editors.filter((editor) => editor.form === form);
    for (const editor of mine) {
      clearTimeout(editor.timer);
      editor.again = false;
    }
    if (!mine.some((editor) => editor.saving)) {
      for (const editor of mine) editor.dirty = false;
      return;
    }
    event.preventDefault();
    const submitter = event.submitter;
    const wait = setInterval(() => {
      if (mine.some((editor) => editor.saving)) return;
      clearInterval(wait);
      for (const editor of mine) editor.dirty = false;
      form.requestSubmit(submitter ?? undefined);
    }, 50);
  });
}
