"use client";

import { useRef, useState, type ReactNode } from "react";
import styles from "./map-tooltip.module.css";

interface Tip {
  text: string;
  x: number;
  y: number;
  /** Open to the left of the point when it is on the right half, so the tip stays inside. */
  flip: boolean;
}

/**
 * Shows a region's numbers next to the pointer or the focused region. The text is the same as the
 * region's accessible name, so what a pointer user reads is what a screen reader announces.
 */
export function MapTooltip({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  function show(target: EventTarget | null, at?: { x: number; y: number }) {
    const region = target instanceof Element ? target.closest("[data-region]") : null;
    const frame = box.current?.getBoundingClientRect();
    if (!region || !frame) return setTip(null);
    const text = region.getAttribute("aria-label") ?? "";
    const r = region.getBoundingClientRect();
    const x = (at ? at.x : r.left + r.width / 2) - frame.left;
    const y = (at ? at.y : r.top + r.height / 2) - frame.top;
    setTip({ text, x, y, flip: x > frame.width / 2 });
  }

  return (
    <div
      ref={box}
      className={styles["map-tooltip-frame"]}
      onPointerMove={(e) => show(e.target, { x: e.clientX, y: e.clientY })}
      onPointerLeave={() => setTip(null)}
      onFocus={(e) => show(e.target)}
      onBlur={() => setTip(null)}
    >
      {children}
      {tip ? (
        <div
          className={styles["map-tooltip"]}
          role="presentation"
          aria-hidden="true"
          data-testid="map-tooltip"
          style={{
            left: `${tip.x}px`,
            top: `${tip.y}px`,
            transform: `translate(${tip.flip ? "-100%" : "0"}, -120%)`,
          }}
        >
          {tip.text}
        </div>
      ) : null}
    </div>
  );
}
