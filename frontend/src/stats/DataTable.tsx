// A dataset as a table: the rows' own column as row headings, figures formatted by unit; when
// sortable, every column's heading is a button that sorts by it (again: the other way round),
// with `aria-sort` telling which column and which way.
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { sortRows, type Dataset, type SortDirection, type SortKey } from "./datasets";
import { formatValue } from "./format";

export function DataTable(props: { dataset: Dataset; sortable?: boolean; class?: string; captionHidden?: boolean }) {
  const { dataset } = props;
  const [sort, setSort] = useState<{ by: SortKey; direction: SortDirection } | null>(null);
  const rows = sort ? sortRows(dataset.rows, sort.by, sort.direction) : dataset.rows;

  function sortBy(by: SortKey) {
    // Names read best A to Z, figures largest first.
    const first: SortDirection = by === "label" ? "ascending" : "descending";
    const other: SortDirection = first === "ascending" ? "descending" : "ascending";
    setSort(sort?.by === by ? { by, direction: sort.direction === first ? other : first } : { by, direction: first });
  }

  function heading(by: SortKey, label: string) {
    if (!props.sortable) return label;
    return (
      <button type="button" class="sort" onClick={() => sortBy(by)}>
        {label}
        <span aria-hidden="true">{sort?.by === by ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}</span>
      </button>
    );
  }

  // Wide tables scroll sideways in a region of their own, which the keyboard can reach.
  return (
    <div class="stats-table-scroll" tabIndex={0} role="region" aria-label={dataset.title}>
      <table class={`admin-table stats-table ${props.class ?? ""}`}>
        <caption class={props.captionHidden ? "visually-hidden" : undefined}>
          {dataset.title}
          {props.sortable && <span class="visually-hidden">{` (${t("stats.sortHelp")})`}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={sort?.by === "label" ? sort.direction : undefined}>
              {heading("label", dataset.rowKey.label)}
            </th>
            {dataset.columns.map((column, i) => (
              <th key={column.key} scope="col" class="number" aria-sort={sort?.by === i ? sort.direction : undefined}>
                {heading(i, column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, i) => (
                <td key={dataset.columns[i].key} class="number" data-column={dataset.columns[i].key}>
                  {formatValue(row.unit ?? dataset.columns[i].unit, value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
