// Live pages (start page, queue): every few seconds ask whether the shown part changed.
// The server answers 304 while its ETag is the same; a new part replaces the old one.
// Without this script the pages work the same, they only do not update themselves.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const region = document.getElementById("live-region");
  if (!region || !window.fetch) return;
  const status = document.querySelector("[data-live-status]");
  const notifyButton = document.querySelector("[data-notify]");
  const interval = Math.max(1, Number(region.dataset.liveInterval) || 15) * 1000;
  let etag = region.dataset.liveEtag || "";
  let waiting = null; // a new part that waits until focus leaves the region

  const newestCritical = () => {
    const content = region.querySelector("[data-newest-critical]");
    return content ? Number(content.dataset.newestCritical) || 0 : 0;
  };
  let knownCritical = newestCritical();

  const say = (text) => {
    if (status) status.textContent = text;
  };

  const notifyOn = () =>
    "Notification" in window &&
    Notification.permission === "granted" &&
    localStorage.getItem("portal.notify") === "1";

  const show = (html) => {
    region.innerHTML = html;
    const newest = newestCritical();
    if (newest > knownCritical && notifyOn()) {
      const note = new Notification(notifyButton.dataset.textTitle, {
        body: notifyButton.dataset.textBody,
        tag: "portal-critical",
      });
      note.onclick = () => window.focus();
    }
    knownCritical = Math.max(knownCritical, newest);
    const time = new Date().toLocaleTimeString(document.documentElement.lang, {
      hour: "2-digit",
      minute: "2-digit",
    });
    say(`${status.dataset.textUpdated} ${time}`);
  };

  // Replacing the part under a keyboard user's focus would throw them back to the top.
  region.addEventListener("focusout", () => {
    setTimeout(() => {
      if (waiting !== null && !region.contains(document.activeElement)) {
        show(waiting);
        waiting = null;
      }
    }, 0);
  });

  const poll = async () => {
    if (!document.hidden) {
      try {
        const response = await fetch(region.dataset.liveUrl, {
          headers: etag ? { "If-None-Match": etag } : {},
          credentials: "same-origin",
          cache: "no-store",
          redirect: "error", // signed out: a redirect to the login page is no update
        });
        if (response.status === 200) {
          etag = response.headers.get("ETag") || "";
          const html = await response.text();
          if (region.contains(document.activeElement)) waiting = html;
          else show(html);
        } else if (response.status !== 304) {
          say(status.dataset.textOffline);
        }
      } catch (error) {
        say(status.dataset.textOffline);
      }
    }
    setTimeout(poll, interval);
  };
  setTimeout(poll, interval);

  // Notifications only after a click: the browser asks, nothing is asked on page load.
  if (!notifyButton || !("Notification" in window)) return;
  const offText = notifyButton.textContent;
  const label = () => {
    if (Notification.permission === "denied") notifyButton.textContent = notifyButton.dataset.textBlocked;
    else notifyButton.textContent = notifyOn() ? notifyButton.dataset.textOn : offText;
  };
  notifyButton.hidden = false;
  label();
  notifyButton.addEventListener("click", async () => {
    if (notifyOn()) {
      localStorage.removeItem("portal.notify");
    } else if ((await Notification.requestPermission()) === "granted") {
      localStorage.setItem("portal.notify", "1");
    }
    label();
  });
});
