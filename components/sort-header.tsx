import type { ReactNode } from "react";
import styles from "./sort-header.module.css";

/**
 * A column header that sorts its table: a button that says the direction with aria-sort (and an
 * arrow for sighted users); `onSort` gets whether the column is already the sorted one.
 */
export function SortHeader({
  label,
  numeric,
  direction,
  onSort,
}: {
  label: ReactNode;
  numeric: boolean;
  /** Set when the table is sorted by this column. */
  direction: "ascending" | "descending" | undefined;
  onSort: () => void;
}) {
  return (
    <th scope="col" className={numeric ? "num" : undefined} aria-sort={direction}>
      <button type="button" className={styles["sort-button"]} onClick={onSort}>
        {label}
        <span aria-hidden="true" className={styles["sort-mark"]}>
          {direction === "descending" ? " ▼" : direction === "ascending" ? " ▲" : " ↕"}
        </span>
      </button>
    </th>
  );
}
