import type { Settings } from '../../engine/settings';
import type { InlineSwitch } from '../inline-switch';

/** Turns inline completion off, or back on (which also ends a snooze). */
export async function toggleInline(settings: () => Settings, inlineSwitch: InlineSwitch): Promise<void> {
  if (inlineSwitch.snoozedUntil) {
    inlineSwitch.resume();
    if (settings().inlineEnabled) return;
  }
  await inlineSwitch.setEnabled(!settings().inlineEnabled);
}
