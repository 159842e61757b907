import type { RefObject } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { path, type Api } from "../api/client";
import type { Items } from "../api/types";
import { errorText } from "../console/errors";
import { search, slashQuery } from "./search";
import type { QuickReply, QuickReplyFilled } from "./types";

export const QUICK_LIST_ID = "quick-replies-list";
export const quickOptionId = (index: number) => `quick-reply-${index}`;

/** The composer's `/` search: open while a `/query` is typed before the caret. Arrows move,
 *  Enter (or a click) inserts the chosen reply filled for the session's user in place of the
 *  `/query`, Escape closes it until the next `/`. Inserting never sends. */
export interface QuickReplies {
  open: boolean;
  results: QuickReply[];
  active: number;
  loading: boolean;
  problem: string;
  /** Placeholders the last insert could not fill, for the agent to edit. */
  unfilled: string[];
  choose: (reply: QuickReply) => void;
  setActive: (index: number) => void;
  /** The composer calls this first: true when the key was the popup's. */
  onKeyDown: (event: KeyboardEvent) => boolean;
}

export function useQuickReplies(
  api: Api,
  sessionId: string,
  text: string,
  setText: (text: string) => void,
  field: RefObject<HTMLTextAreaElement>,
): QuickReplies {
  const [replies, setReplies] = useState<QuickReply[] | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [problem, setProblem] = useState("");
  const [unfilled, setUnfilled] = useState<string[]>([]);
  const busy = useRef(false);

  const caret = field.current?.selectionStart ?? text.length;
  const typed = slashQuery(text, caret);
  const open = typed !== null && typed.start !== dismissedAt;
  const results = open && replies ? search(typed.query, replies) : [];

  // The library is read each time the popup opens, so a reply added meanwhile is there.
  useEffect(() => {
    if (!open) return;
    let current = true;
    setReplies(null);
    setProblem("");
    api.get<Items<QuickReply>>(path`/api/sessions/${sessionId}/quick-replies`).then(
      (found) => current && setReplies(found.items),
      (e: unknown) => current && setProblem(errorText(e)),
    );
    return () => {
      current = false;
    };
  }, [open, sessionId, api]);

  useEffect(() => setActive(0), [typed?.query]);
  useEffect(() => {
    if (!text) setUnfilled([]); // sent or cleared
  }, [text]);
  useEffect(() => {
    if (typed === null) setDismissedAt(null);
  }, [typed === null]);

  // The reply box points assistive technology at the highlighted reply.
  useLayoutEffect(() => {
    const box = field.current;
    if (!box) return;
    if (open && results.length) {
      box.setAttribute("aria-controls", QUICK_LIST_ID);
      box.setAttribute("aria-activedescendant", quickOptionId(Math.min(active, results.length - 1)));
    } else {
      box.removeAttribute("aria-controls");
      box.removeAttribute("aria-activedescendant");
    }
  });

  async function choose(reply: QuickReply) {
    if (!typed || busy.current) return;
    busy.current = true;
    try {
      const filled = await api.post<QuickReplyFilled>(
        path`/api/sessions/${sessionId}/quick-replies/${reply.reply_id}/filled`,
      );
      const end = typed.start + 1 + typed.query.length;
      const next = text.slice(0, typed.start) + filled.text + text.slice(end);
      setText(next);
      setUnfilled(filled.unfilled);
      const at = typed.start + filled.text.length;
      requestAnimationFrame(() => {
        field.current?.focus();
        field.current?.setSelectionRange(at, at);
      });
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      busy.current = false;
    }
  }

  function onKeyDown(event: KeyboardEvent): boolean {
    if (!open || event.isComposing) return false;
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(typed.start);
      return true;
    }
    if (event.key === "Enter" && !event.shiftKey && !results.length) {
      event.preventDefault(); // nothing to insert yet: Enter never sends the `/words`
      return true;
    }
    if (!results.length) return false;
    const last = results.length - 1;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (Math.min(index, last) + step + results.length) % results.length);
      return true;
    }
    if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
      event.preventDefault();
      void choose(results[Math.min(active, last)]);
      return true;
    }
    return false;
  }

  return {
    open,
    results,
    active: Math.min(active, Math.max(0, results.length - 1)),
    loading: open && replies === null && !problem,
    problem,
    unfilled,
    choose: (reply) => void choose(reply),
    setActive,
    onKeyDown,
  };
}
