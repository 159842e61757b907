// The page's one filter (the API takes one at a time): what to filter by, then which agent,
// group, priority, tag or link, from the project's own.
import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api/client";
import type { Tag } from "../api/types";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { filterOptions, type FilterOption } from "./filterOptions";
import { FILTER_DIMENSIONS, type FilterDimension } from "./types";

export interface FilterChoice {
  dimension: FilterDimension | "";
  value: string;
}

export function FilterPicker(props: { api: Api; projectId: string; tags: Tag[]; choice: FilterChoice; onChoice: (choice: FilterChoice) => void }) {
  const { dimension, value } = props.choice;
  const [options, setOptions] = useState<FilterOption[] | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    setOptions(null);
    setError("");
    if (!dimension) return;
    let current = true;
    filterOptions(props.api, props.projectId, dimension, props.tags).then(
      (found) => current && setOptions(found),
      (failure) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
  }, [props.projectId, dimension, props.tags]);

  return (
    <div class="stats-filter">
      <label>
        {t("stats.filterBy")}
        <select value={dimension} onChange={(e) => props.onChoice({ dimension: e.currentTarget.value as FilterDimension | "", value: "" })}>
          <option value="">{t("stats.filter.none")}</option>
          {FILTER_DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {t(`stats.filter.${d}`)}
            </option>
          ))}
        </select>
      </label>
      {dimension && (
        <label>
          {t(`stats.filter.${dimension}`)}
          <select value={value} disabled={!options} onChange={(e) => props.onChoice({ dimension, value: e.currentTarget.value })}>
            <option value="">{t("stats.filter.choose")}</option>
            {(options ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && <p class="form-error">{error}</p>}
    </div>
  );
}
