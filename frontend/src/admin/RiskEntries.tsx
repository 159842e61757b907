// A risk group's entries: bulk paste (thousands at a time), CSV export and import, and a
// searchable list that shows a bounded number of rows however many entries there are.
import { useState } from "preact/hooks";
import { path, type HttpApi } from "../api/client";
import type { EntryCounts, RiskEntry, RiskGroup } from "../api/types";
import { t } from "../i18n";
import { fileStem, saveAs } from "./download";
import { errorText } from "./useLoad";

const SHOWN_ENTRIES = 200;

/** The entries whose value contains `query` (case-insensitive), at most `limit` of them. */
export function findEntries(entries: readonly RiskEntry[], query: string, limit = SHOWN_ENTRIES): { shown: RiskEntry[]; total: number } {
  const needle = query.trim().toLowerCase();
  const found = needle ? entries.filter((e) => e.value.toLowerCase().includes(needle)) : entries;
  return { shown: found.slice(0, limit), total: found.length };
}

export function RiskEntries(props: { api: HttpApi; group: RiskGroup; canEdit: boolean; onChanged: () => void }) {
  const { api, group, canEdit } = props;
  const entries = group.entries ?? [];
  const base = path`/api/risk/groups/${group.group_id}`;
  const [paste, setPaste] = useState("");
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<EntryCounts | null>(null);
  const [notice, setNotice] = useState("");
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<EntryCounts | null>) {
    setBusy(true);
    setProblem("");
    setNotice("");
    try {
      setResult(await work());
      props.onChanged();
    } catch (error) {
      setResult(null);
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  function addPasted(event: Event) {
    event.preventDefault();
    void run(async () => {
      const counts = await api.post<EntryCounts>(`${base}/entries:bulk`, { text: paste });
      setPaste("");
      return counts;
    });
  }

  function importCsv(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    void run(async () => {
      const counts = await api.putText<EntryCounts>(`${base}/entries.csv`, await file.text(), "text/csv");
      setNotice(t("risk.imported"));
      return counts;
    }).finally(() => (input.value = ""));
  }

  async function exportCsv() {
    try {
      saveAs(await api.blob(`${base}/entries.csv`), `${fileStem(group.name)}.csv`);
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  function removeEntry(entry: RiskEntry) {
    const rest = entries.filter((e) => e !== entry);
    void run(async () => {
      await api.patch(base, { entries: rest });
      return null;
    });
  }

  const { shown, total } = findEntries(entries, query);
  return (
    <section class="stack risk-entries" aria-labelledby="risk-entries-title">
      <h3 id="risk-entries-title">{t("risk.entries", { count: entries.length })}</h3>
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <div role="status">
        {notice}
        {result && ` ${t("risk.bulkResult", { added: result.added, duplicates: result.duplicates, invalid: result.invalid })}`}
        {result?.invalid_lines?.length ? ` (${result.invalid_lines.slice(0, 20).join(", ")}${result.invalid_lines.length > 20 ? "…" : ""})` : ""}
      </div>
      {canEdit && (
        <form class="stack" onSubmit={addPasted}>
          <label>
            {t("risk.bulk")}
            <textarea rows={6} spellcheck={false} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button type="submit" class="primary" disabled={busy || !paste.trim()}>
              {t("risk.bulkAdd")}
            </button>
          </div>
        </form>
      )}
      <div class="row">
        <button type="button" onClick={() => void exportCsv()}>
          {t("risk.exportCsv")}
        </button>
        {canEdit && (
          <label>
            {t("risk.importCsv")}
            <input type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => importCsv(e.currentTarget)} />
          </label>
        )}
      </div>
      <label>
        {t("risk.findEntry")}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <p class="muted">{t("risk.showing", { shown: shown.length, total })}</p>
      <table class="admin-table risk-entry-table">
        <thead>
          <tr>
            <th scope="col">{t("risk.value")}</th>
            <th scope="col">{t("risk.kind")}</th>
            {canEdit && <th scope="col">{t("admin.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((entry) => (
            <tr key={`${entry.kind}:${entry.value}`}>
              <td class="risk-value">{entry.value}</td>
              <td>{t(`risk.kind.${entry.kind}`)}</td>
              {canEdit && (
                <td>
                  <button type="button" class="danger" disabled={busy} aria-label={t("risk.remove", { value: entry.value })} onClick={() => removeEntry(entry)}>
                    {t("action.delete")}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
