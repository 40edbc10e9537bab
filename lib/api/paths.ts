/** Where reports are POSTed as JSON (answered in front of Next.js by server/front/report-endpoint.ts). */
export const REPORTS_PATH = "/api/v1/reports";
