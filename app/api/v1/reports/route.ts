import { getDb } from "@/db/client";
import { readJsonBody } from "@/lib/http/json-body";
import { bodyErrorResponse, errorResponse, issuesMessage } from "@/lib/http/responses";
import { clientFromHeaders } from "@/lib/reports/client-ip";
import { submitReport } from "@/lib/reports/submit";

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return bodyErrorResponse(body.status, body.message);
  const outcome = await submitReport(getDb(), body.value, clientFromHeaders(request.headers));
  if (!outcome.ok) {
    return outcome.code === "not_found"
      ? errorResponse(404, "not_found", issuesMessage(outcome.issues), outcome.issues)
      : errorResponse(400, "invalid_input", issuesMessage(outcome.issues), outcome.issues);
  }
  return Response.json(
    { id: outcome.id, counted: outcome.counted, status: outcome.status },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
}
