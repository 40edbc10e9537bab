import { useTranslations } from "next-intl";
import type { StatusLevel } from "@/lib/catalog/constants";
import { StatusIcon } from "./status-icon";

export function StatusBadge({ level }: { level: StatusLevel }) {
  const t = useTranslations("Levels");
  return (
    <span className={`badge level-${level}`} title={t(`${level}.label`)}>
      <StatusIcon level={level} size={14} />
      {t(`${level}.short`)}
    </span>
  );
}
