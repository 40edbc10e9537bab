import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/admin/audit";
import { asAdmin } from "@/lib/http/admin-route";
import { pathId } from "@/lib/http/path-id";

export async function GET(request: Request) {
  return asAdmin(request, async () => {
    const before = new URL(request.url).searchParams.get("before");
    const list = await auditLog(getDb(), 100, before === null ? undefined : (pathId(before) ?? 1));
    return Response.json(list, { headers: { "cache-control": "no-store" } });
  });
}
