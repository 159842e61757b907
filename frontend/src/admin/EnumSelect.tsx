/** A select over a fixed list of values (roles, routing modes), each shown by `label`. */
export function EnumSelect<T extends string>(props: {
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChange: (option: T) => void;
  ariaLabel?: string;
}) {
  return (
    <select aria-label={props.ariaLabel} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
      {props.options.map((option) => (
        <option key={option} value={option}>
          {props.label(option)}
        </option>
      ))}
    </select>
  );
}
