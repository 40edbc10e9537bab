// Stand-in for the `server-only` marker when code runs outside Next's bundler (tsx, vitest).
export {};
