"use client";

import { Component, createRef } from "react";

/**
 * A map's SVG, given as markup (lib/regions/svg.ts), so hydration skips its paths. A live refresh
 * replaces the markup; the region that had the keyboard focus gets it back, so a keyboard user
 * reading the map is not thrown to the top of the page every half minute. (A class, for
 * getSnapshotBeforeUpdate: the one hook into the moment before React replaces the markup.)
 */
export class MapMarkup extends Component<{ markup: string }> {
  private box = createRef<HTMLDivElement>();

  getSnapshotBeforeUpdate(): string | null {
    const active = document.activeElement;
    return this.box.current?.contains(active) ? (active?.getAttribute("data-region") ?? null) : null;
  }

  componentDidUpdate(_previous: unknown, _state: unknown, focused: string | null) {
    if (!focused || this.box.current?.contains(document.activeElement)) return;
    this.box.current?.querySelector<SVGAElement>(`[data-region="${CSS.escape(focused)}"]`)?.focus();
  }

  render() {
    return <div ref={this.box} dangerouslySetInnerHTML={{ __html: this.props.markup }} />;
  }
}
