// Progressive enhancement for a background job's page: follows the API's Server-Sent Events for the
// job (same origin, the session cookie goes along) and moves the bar, says what is happening in the
// status region (read out by screen readers) and shows the download once the job has finished.
// Without this file the page's "Check progress" link does the same on each click.
const panel = document.querySelector("[data-job-events]");

const statusLine = (job) => {
  if (job.status === "failed") return `Failed: ${job.error ?? "the job stopped"}`;
  if (job.status === "succeeded") return "Finished";
  if (job.status === "queued") return "Waiting to start";
  const percent = job.progress.percent === null ? "" : ` ${job.progress.percent}%`;
  return `Running${percent}${job.progress.message === "" ? "" : ` – ${job.progress.message}`}`;
};

const follow = (root) => {
  const bar = root.querySelector("progress");
  const status = root.querySelector("[data-job-status]");
  const download = root.querySelector("[data-job-download]");
  const check = root.querySelector("[data-job-check]");
  const source = new EventSource(root.dataset.jobEvents);

  const show = (job) => {
    const percent = job.progress.percent;
    if (percent === null) bar.removeAttribute("value");
    else {
      bar.value = percent;
      bar.textContent = `${percent}%`;
    }
    const line = statusLine(job);
    // Only real changes are written: a live region repeats whatever is set in it.
    if (status.textContent !== line) status.textContent = line;
  };

  const finish = (job) => {
    source.close();
    show(job);
    if (job.artifact && download.childElementCount === 0) {
      const link = document.createElement("a");
      link.className = "nhsuk-button";
      link.href = job.artifact.href;
      link.setAttribute("download", "");
      link.textContent = `Download ${job.artifact.name}`;
      download.append(link);
    }
    check?.remove();
  };

  source.addEventListener("progress", (event) => show(JSON.parse(event.data)));
  source.addEventListener("done", (event) => finish(JSON.parse(event.data)));
  source.addEventListener("failed", (event) => {
    const job = JSON.parse(event.data);
    // The stream says "failed" with only an error when the job itself has gone.
    if (job.progress) finish(job);
    else {
      source.close();
      status.textContent = `Failed: ${job.error}`;
      check?.remove();
    }
  });
  // EventSource reconnects by itself after a dropped connection; the link stays as the fallback.
};

if (panel instanceof HTMLElement && "EventSource" in window) follow(panel);
