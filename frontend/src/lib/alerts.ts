// Telling an agent about a new session or message: a short tone and, when permitted, a browser notification.
import type { Session } from "../api/types";
import { t } from "../i18n";
import { displayName } from "./format";

let audio: AudioContext | null = null;

export function playTone(): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.35);
  } catch {
    // No audio device or autoplay refused: the badge and title still say it.
  }
}

export function canAskNotifications(): boolean {
  return typeof Notification !== "undefined" && Notification.permission === "default";
}

export function askNotifications(): Promise<NotificationPermission | undefined> {
  return typeof Notification === "undefined" ? Promise.resolve(undefined) : Notification.requestPermission();
}

export function announceSession(session: Session, onClick: () => void): void {
  announce(t("notify.newSession"), session, onClick);
}

/** A user's new message in a session already on the list (open, or reopened by it). */
export function announceMessage(session: Session, onClick: () => void): void {
  announce(t("notify.newMessage"), session, onClick);
}

function announce(title: string, session: Session, onClick: () => void): void {
  playTone();
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  // Notification text is rendered by the browser as plain text.
  const notification = new Notification(title, {
    body: displayName(session.user, session.tg_user_id),
    tag: session.session_id,
  });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
