import betainc from "@stdlib/math-base-special-betainc";

/**
 * −log10 P(X ≥ k) for a negative binomial with mean `mean` and variance mean + phi·mean².
 * With r = 1/phi and p = r / (r + mean), P(X ≥ k) = I_{1−p}(k, r) (regularized incomplete beta).
 * Small phi tends to the Poisson. Returns 0 for k ≤ 0 and caps at 300 (float underflow).
 */
export function nbTailScore(k: number, mean: number, phi: number): number {
  if (k <= 0) return 0;
  const m = Math.max(mean, 1e-9);
  const r = 1 / Math.max(phi, 1e-6);
  const q = m / (r + m); // 1 − p
  const tail = betainc(q, k, r);
  if (!(tail > 0)) return 300;
  return Math.min(300, -Math.log10(Math.min(1, tail)));
}
