// Recording a voice note in the browser with MediaRecorder: OGG/Opus where the browser can make
// it (Telegram shows it as a voice message), else the browser's own format sent as audio.
import type { AttachmentKind } from "./limits";

export interface VoiceFormat {
  type: string;
  kind: AttachmentKind;
  extension: string;
}

const FORMATS: VoiceFormat[] = [
  { type: "audio/ogg;codecs=opus", kind: "voice", extension: "ogg" },
  { type: "audio/webm;codecs=opus", kind: "audio", extension: "webm" },
  { type: "audio/mp4", kind: "audio", extension: "m4a" },
];

/** The best format the browser records, or null when it records none of them. */
export function voiceFormat(supported: (type: string) => boolean): VoiceFormat | null {
  return FORMATS.find((format) => supported(format.type)) ?? null;
}

export function canRecord(): boolean {
  return typeof MediaRecorder !== "undefined" && !!navigator.mediaDevices?.getUserMedia;
}

/** A recording in progress; `stop` gives the note as a File. */
export interface Recording {
  stop(): Promise<{ file: File; kind: AttachmentKind }>;
  cancel(): void;
}

export async function startRecording(now: () => Date = () => new Date()): Promise<Recording> {
  const format = voiceFormat((type) => MediaRecorder.isTypeSupported(type));
  if (!format) throw new Error("no_recording_format");
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const recorder = new MediaRecorder(stream, { mimeType: format.type });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  const release = () => stream.getTracks().forEach((track) => track.stop());
  recorder.start();
  return {
    async stop() {
      recorder.stop();
      await stopped;
      release();
      const type = format.type.split(";")[0];
      const stamp = now().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
      return { file: new File(chunks, `voice-${stamp}.${format.extension}`, { type }), kind: format.kind };
    },
    cancel() {
      if (recorder.state !== "inactive") recorder.stop();
      release();
    },
  };
}
