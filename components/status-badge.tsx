import { STATUS_LABELS, type StatusLevel } from "@/lib/catalog/constants";
import { StatusIcon } from "./status-icon";

const SHORT: Record<StatusLevel, string> = { ok: "No problems", possible: "Possible problems", outage: "Outage" };

export function StatusBadge({ level }: { level: StatusLevel }) {
  return (
    <span className={`badge level-${level}`} title={STATUS_LABELS[level]}>
      <StatusIcon level={level} size={14} />
      {SHORT[level]}
    </span>
  );
}
