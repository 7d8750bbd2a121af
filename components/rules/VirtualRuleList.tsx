/**
 * The options page's rule list, virtualised as the Library's table is: rows
 * of one fixed height in a scrolling box, and only those in view (plus a few
 * either side) in the document, so ten thousand rules cost what thirty do.
 * Rules may be shown in groups, each under its heading.
 *
 * Keyboard: Tab walks through the rows in order; a row that takes focus is
 * scrolled into view, which draws the rows after it before the next Tab.
 * A rule named by `reveal` is scrolled to and drawn in that same render, so
 * focus can be put on it (after the editor closes, or an Undo).
 */
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Rule } from '../../utils/rules/types';
import { useFocusAfterMove } from './move-focus';
import { RuleRow } from './RuleRow';
import { useScrollWindow } from '../ui/scroll-window';

/** Must match `.sm-rule-window .sm-rule` and `.sm-rule-window-head` in options.css. */
export const RULE_ROW_HEIGHT = 56;
export const GROUP_HEAD_HEIGHT = 36;
const OVERSCAN = 6;

export interface RuleGroup {
  /** The heading; null for the one group of an ungrouped list. */
  name: string | null;
  rules: readonly Rule[];
}

export interface VirtualRuleListProps {
  groups: readonly RuleGroup[];
  onToggle(rule: Rule, enabled: boolean): void;
  onEdit(rule: Rule): void;
  onDelete(rule: Rule): void;
  /** Moves a rule past its neighbour within its group. */
  onMove(group: RuleGroup, rule: Rule, delta: -1 | 1): void;
  busy: boolean;
  /** A new search or grouping (a new key) scrolls back to the top. */
  scrollKey: string;
  /** Brings this rule into view; a new object each time it is asked for. */
  reveal: { id: string } | null;
  emptyMessage: string;
}

interface Placed {
  group: RuleGroup;
  /** Offset of the group's first row from the top of the scrolled content. */
  top: number;
}

export function VirtualRuleList(props: VirtualRuleListProps) {
  const { groups, busy, reveal } = props;
  const { scroller, scrollTop, setScrollTop, viewport, onScroll } = useScrollWindow<HTMLDivElement>(props.scrollKey);
  const revealed = useRef<{ id: string } | null>(null);

  const { placed, height, offsets } = useMemo(() => {
    const placed: Placed[] = [];
    const offsets = new Map<string, number>();
    let y = 0;
    for (const group of groups) {
      if (group.name !== null) y += GROUP_HEAD_HEIGHT;
      placed.push({ group, top: y });
      group.rules.forEach((rule, i) => offsets.set(rule.id, y + i * RULE_ROW_HEIGHT));
      y += group.rules.length * RULE_ROW_HEIGHT;
    }
    return { placed, height: y, offsets };
  }, [groups]);

  // The rule to reveal is drawn in this very render: the window is moved to it before rows are picked.
  let top = scrollTop;
  let jumpTo: number | null = null;
  if (reveal && reveal !== revealed.current) {
    const y = offsets.get(reveal.id);
    if (y !== undefined && (y < top || y + RULE_ROW_HEIGHT > top + viewport)) {
      jumpTo = Math.max(0, Math.min(height - viewport, y - (viewport - RULE_ROW_HEIGHT) / 2));
      top = jumpTo;
    }
  }
  useLayoutEffect(() => {
    revealed.current = reveal;
    const el = scroller.current;
    if (jumpTo === null || !el) return;
    el.scrollTop = jumpTo;
    setScrollTop(el.scrollTop);
  });

  // A row that takes focus (Tab, or focus put back) is scrolled fully into view.
  const onFocusIn = (event: FocusEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-rule-id]');
    const el = scroller.current;
    const y = row ? offsets.get(row.dataset.ruleId ?? '') : undefined;
    if (y === undefined || !el) return;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + RULE_ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = y + RULE_ROW_HEIGHT - el.clientHeight;
  };

  const move = useFocusAfterMove(scroller, busy, (rule, delta) => {
    const group = groups.find((g) => g.rules.includes(rule));
    if (group) props.onMove(group, rule, delta);
  });

  if (height === 0) return <p class="sm-empty">{props.emptyMessage}</p>;

  const from = top - OVERSCAN * RULE_ROW_HEIGHT;
  const to = top + viewport + OVERSCAN * RULE_ROW_HEIGHT;
  return (
    <div
      class="sm-rule-window"
      ref={scroller}
      onScroll={onScroll}
      onFocusIn={onFocusIn}
      tabIndex={0}
      role="region"
      aria-label={t('rulesScroller')}
      aria-busy={busy || undefined}
    >
      {placed.map(({ group, top: groupTop }) => {
        const size = group.rules.length;
        const first = Math.max(0, Math.floor((from - groupTop) / RULE_ROW_HEIGHT));
        const last = Math.min(size, Math.ceil((to - groupTop) / RULE_ROW_HEIGHT));
        return (
          <section key={group.name ?? ''} class="sm-rule-group" aria-label={group.name ?? t('rulesSection')}>
            {group.name !== null && (
              <h2 class="sm-section-title sm-rule-window-head">
                {group.name} <span class="sm-muted">({size.toLocaleString()})</span>
              </h2>
            )}
            <ol class="sm-rule-list" style={{ height: `${size * RULE_ROW_HEIGHT}px` }}>
              {group.rules.slice(first, Math.max(first, last)).map((rule, i) => {
                const index = first + i;
                return (
                  <RuleRow
                    key={rule.id}
                    rule={rule}
                    first={index === 0}
                    last={index === size - 1}
                    compact
                    style={{ transform: `translateY(${index * RULE_ROW_HEIGHT}px)` }}
                    position={{ index, size }}
                    onToggle={props.onToggle}
                    onEdit={props.onEdit}
                    onDelete={props.onDelete}
                    move={move}
                  />
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
