/**
 * The pseudo-locale wraps every catalogue string in ⟦…⟧: rendered with it, the learning tools
 * must show no text outside those marks (code, YAML and kubectl output aside, which are never
 * translated: they are marked up as code, samp, pre or a table).
 */
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider, loadLocale, loadMessages, type AnyLocale } from '../../i18n/index.ts';
import { en } from '../../i18n/en.ts';
import { getScenario } from '../../scenarios/index.ts';
import { lessons } from '../../scenarios/lessons/index.ts';
import { createPodscopeStore } from '../../store/createPodscopeStore.ts';
import { StoreProvider } from '../../store/StoreProvider.tsx';
import ComparePanel from '../compare/ComparePanel.tsx';
import EditorPanel from '../editor/EditorPanel.tsx';
import GalleryDialog from '../gallery/GalleryDialog.tsx';
import { LearnBar } from './LearnBar.tsx';
import LessonPanelImpl from './LessonPanelImpl.tsx';

function render(node: ReactNode, locale: AnyLocale = 'pseudo'): string {
  const store = createPodscopeStore(
    {
      transport: 'in-thread',
      send: () => {},
      onMessage: () => () => {},
      dispose: () => {},
    },
    { manifest: getScenario('one-container')!.run.manifest, seed: 1, actions: [] },
    { schedule: () => {} },
  );
  const ssr = { ...store, getInitialState: store.getState };
  return renderToString(
    <StoreProvider store={ssr}>
      <I18nProvider locale={locale}>{node}</I18nProvider>
    </StoreProvider>,
  );
}

/** The visible text outside ⟦…⟧, with code, preformatted text and tables removed. */
function untranslated(html: string): string {
  let text = html
    .replace(/<(code|samp|pre|table|textarea)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
  for (let prev = ''; prev !== text;) {
    prev = text;
    text = text.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return text.replace(/[^A-Za-z\u4e00-\u9fff]+/g, ' ').trim();
}

describe('the learning tools in the pseudo-locale', () => {
  // The features' texts, as their lazy imports bring them (withMessages).
  beforeAll(async () => {
    await Promise.all([loadLocale('en'), loadLocale('zh-CN')]);
    await loadMessages('lessons', 'scenarios');
  });

  it('the bar, the lesson list and every lesson step', () => {
    expect(untranslated(render(<LearnBar />))).toBe('');
    expect(untranslated(render(<LessonPanelImpl onClose={() => {}} />))).toBe('');
    for (const lesson of lessons) {
      lesson.steps.forEach((_, i) => {
        const html = render(<LessonPanelImpl lesson={lesson.id} step={i} />);
        expect(html).toContain(
          `⟦${en['lessons.stepOf'].replace('{n}', String(i + 1)).split('{')[0]}`,
        );
        expect(untranslated(html), `${lesson.id} step ${i + 1}`).toBe('');
      });
    }
  });

  it('the gallery, the editor and the compare view', () => {
    expect(untranslated(render(<GalleryDialog onPick={() => {}} onClose={() => {}} />))).toBe('');
    expect(untranslated(render(<EditorPanel onClose={() => {}} />))).toBe('');
    expect(untranslated(render(<ComparePanel onClose={() => {}} />))).toBe('');
  });

  it('renders real text in English and Chinese (the check is not vacuous)', () => {
    expect(untranslated(render(<LessonPanelImpl />, 'en'))).toContain('Guided lessons');
    expect(untranslated(render(<LessonPanelImpl />, 'zh-CN'))).toContain('引导式课程');
  });
});
