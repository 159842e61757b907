import type { JSX } from "preact";
import type { Tag } from "../api/types";
import { textOn } from "../lib/colour";

/** The colours of a tag's chip (`.tag-chip`): the tag's colour and a text colour readable on it. */
export function tagChipStyle(tag: Pick<Tag, "colour">): JSX.CSSProperties {
  return { "--tag-colour": tag.colour, "--tag-text": textOn(tag.colour) };
}

/** Tags shown, not edited: small chips in the tags' colours (ids without a known tag are left out). */
export function TagChipRow(props: { ids: string[]; tags: Tag[]; label: string }) {
  const shown = props.ids.map((id) => props.tags.find((tag) => tag.tag_id === id)).filter((tag): tag is Tag => tag !== undefined);
  if (shown.length === 0) return null;
  return (
    <span class="tag-chips" role="group" aria-label={props.label}>
      {shown.map((tag) => (
        <span key={tag.tag_id} class="tag-chip on small" style={tagChipStyle(tag)}>
          {tag.name}
        </span>
      ))}
    </span>
  );
}
