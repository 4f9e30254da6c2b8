/**
 * Guided lessons: for each step an explanation, a scenario loaded into this instance, a
 * prediction to make before playing, an action to take, and a check read from the live frame.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { getScenario } from '../../scenarios/index.ts';
import { lessons, reached, type Lesson, type LessonStep } from '../../scenarios/lessons/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import '../../styles/lessons.css';
import { plain, RichText } from '../gallery/RichText.tsx';
import { loadProgress, saveProgress, withStepDone, type Progress } from './progress.ts';
import { sentenceGap } from '../format.ts';

import type { LessonPanelProps } from './LessonPanel.tsx';

type Where = { lesson: string; step: number } | { lesson: string; finished: true } | undefined;

function firstOpenStep(l: Lesson, progress: Progress): number {
  const done = progress[l.id] ?? [];
  const next = l.steps.findIndex((s) => !done.includes(s.id));
  return next < 0 ? 0 : next;
}

export default function LessonPanelImpl({
  onClose,
  lesson: initial,
  step: initialStep,
}: LessonPanelProps) {
  const t = useT();
  const id = useId();
  const [progress, setProgress] = useState<Progress>(loadProgress);
  const [where, setWhere] = useState<Where>(() => {
    const l = initial ? lessons.find((x) => x.id === initial) : undefined;
    if (!l) return undefined;
    const valid = initialStep !== undefined && initialStep >= 0 && initialStep < l.steps.length;
    return { lesson: l.id, step: valid ? initialStep : firstOpenStep(l, progress) };
  });
  const update = (p: Progress) => {
    setProgress(p);
    saveProgress(p);
  };
  const lesson = where ? lessons.find((l) => l.id === where.lesson) : undefined;
  return (
    <section className="podscope-lessons" aria-labelledby={`${id}-h`}>
      <header className="podscope-lessons-head">
        <h2 id={`${id}-h`}>
          {lesson ? plain(t(`lesson.${lesson.id}.title` as MessageKey)) : t('lessons.title')}
        </h2>
        <span className="podscope-editor-spacer" />
        {lesson && (
          <button
            type="button"
            className="podscope-btn podscope-btn--small"
            onClick={() => setWhere(undefined)}
          >
            {t('lessons.list')}
          </button>
        )}
        {onClose && (
          <button type="button" className="podscope-btn podscope-btn--small" onClick={onClose}>
            {t('lessons.close')}
          </button>
        )}
      </header>
      {!lesson || !where ? (
        <LessonList
          progress={progress}
          onOpen={(l) => setWhere({ lesson: l.id, step: firstOpenStep(l, progress) })}
          onReset={() => update({})}
        />
      ) : 'finished' in where ? (
        <p className="podscope-lesson-done" role="status">
          {t('lessons.complete')}
        </p>
      ) : (
        <StepView
          key={`${lesson.id}/${where.step}`}
          lesson={lesson}
          index={where.step}
          onDone={() => {
            const step = lesson.steps[where.step]!;
            update(withStepDone(progress, lesson.id, step.id));
            setWhere(
              where.step + 1 < lesson.steps.length
                ? { lesson: lesson.id, step: where.step + 1 }
                : { lesson: lesson.id, finished: true },
            );
          }}
        />
      )}
    </section>
  );
}

function LessonList({
  progress,
  onOpen,
  onReset,
}: {
  progress: Progress;
  onOpen: (l: Lesson) => void;
  onReset: () => void;
}) {
  const t = useT();
  return (
    <>
      <ol className="podscope-lesson-list">
        {lessons.map((l) => {
          const done = (progress[l.id] ?? []).filter((s) => l.steps.some((x) => x.id === s)).length;
          const total = l.steps.length;
          const title = plain(t(`lesson.${l.id}.title` as MessageKey));
          return (
            <li key={l.id} className="podscope-lesson-item" data-complete={done === total}>
              <h3>{title}</h3>
              <p>
                <RichText text={t(`lesson.${l.id}.summary` as MessageKey)} />
              </p>
              <p className="podscope-lesson-progress">{t('lessons.progress', { done, total })}</p>
              <button
                type="button"
                className="podscope-btn podscope-btn--small"
                aria-label={t('lessons.labelled', {
                  what: t(
                    done === 0
                      ? 'lessons.start'
                      : done === total
                        ? 'lessons.review'
                        : 'lessons.continue',
                  ),
                  title,
                })}
                onClick={() => onOpen(l)}
              >
                {t(
                  done === 0
                    ? 'lessons.start'
                    : done === total
                      ? 'lessons.review'
                      : 'lessons.continue',
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="podscope-btn podscope-btn--small" onClick={onReset}>
        {t('lessons.reset')}
      </button>
    </>
  );
}

function StepView({
  lesson,
  index,
  onDone,
}: {
  lesson: Lesson;
  index: number;
  onDone: () => void;
}) {
  const t = useT();
  const id = useId();
  const step: LessonStep = lesson.steps[index]!;
  const k = (suffix: string) => `lesson.${lesson.id}.${step.id}.${suffix}` as MessageKey;
  const scenario = getScenario(step.scenario)!;

  const load = usePodscope((s) => s.load);
  const play = usePodscope((s) => s.play);
  const pause = usePodscope((s) => s.pause);
  const dispatch = usePodscope((s) => s.dispatch);
  const frame = usePodscope((s) => s.frame);
  const playing = usePodscope((s) => !!s.frame?.playing);

  const [choice, setChoice] = useState<number>();
  const verdict = t(choice === step.answer ? 'lessons.right' : 'lessons.wrong');
  const [played, setPlayed] = useState(false);
  const [acted, setActed] = useState(false);
  const [done, setDone] = useState(false);
  /** The frame shown when we loaded: until a fresh frame of the new run arrives, nothing counts. */
  const staleFrame = useRef<unknown>(null);
  const [fresh, setFresh] = useState(false);
  const playWhenFresh = useRef(false);

  const loadRun = (which = scenario, autoplay = false) => {
    staleFrame.current = frame ?? null;
    setFresh(false);
    playWhenFresh.current = autoplay;
    load(
      {
        manifest: which.run.manifest,
        seed: which.run.seed,
        actions: step.scripted ? which.run.actions : [],
      },
      { speed: step.speed },
    );
  };

  // Load the step's scenario when the step opens.
  useEffect(() => {
    loadRun();
    // Once per step (the component is keyed by step).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!fresh && frame && frame !== staleFrame.current && frame.nowMs === 0) {
      setFresh(true);
      if (playWhenFresh.current) {
        playWhenFresh.current = false;
        play();
      }
    }
  }, [frame, fresh, play]);

  const pods = useMemo(() => (frame?.pods ?? []).map((p) => p.pod), [frame]);
  const rows = frame?.rows ?? [];
  const canAct =
    !!step.action &&
    played &&
    fresh &&
    !acted &&
    (!step.actionWhen || reached([step.actionWhen], pods, rows));
  const watching = fresh && (step.action ? acted : played);
  const isReached = watching && reached(step.check, pods, rows);

  useEffect(() => {
    if (isReached && !done) {
      setDone(true);
      pause();
    }
  }, [isReached, done, pause]);

  const act = () => {
    const a = step.action;
    if (!a) return;
    setActed(true);
    if (a.kind === 'dispatch') for (const x of a.actions) dispatch(x);
    else loadRun(getScenario(a.scenario)!, true);
  };

  const total = lesson.steps.length;
  return (
    <article className="podscope-lesson-step" aria-labelledby={`${id}-step`}>
      <div className="podscope-lesson-col">
        <p id={`${id}-step`} className="podscope-lesson-stepof">
          {t('lessons.stepOf', { n: index + 1, total })}
        </p>
        <p className="podscope-lesson-scenario">
          {t('lessons.scenario', { title: plain(t(scenario.titleKey as MessageKey)) })}
        </p>
        <p>
          <RichText text={t(k('text'))} />
        </p>
        <fieldset className="podscope-lesson-question" disabled={played}>
          <legend>
            <strong>{t('lessons.predict')}</strong> <RichText text={t(k('question'))} />
          </legend>
          {Array.from({ length: step.choices }, (_, i) => (
            <label key={i} className="podscope-lesson-choice">
              <input
                type="radio"
                name={`${id}-choice`}
                value={i}
                checked={choice === i}
                onChange={() => setChoice(i)}
              />{' '}
              <RichText text={t(k(`choice.${i}`))} />
            </label>
          ))}
        </fieldset>
        {choice !== undefined && (
          <p className="podscope-lesson-verdict" data-right={choice === step.answer}>
            <strong>{verdict}</strong>
            {sentenceGap(verdict)}
            <RichText text={t(k('why'))} />
          </p>
        )}
      </div>
      <div className="podscope-lesson-col">
        <div className="podscope-lesson-actions">
          <button
            type="button"
            className="podscope-btn podscope-btn--primary"
            disabled={choice === undefined || played}
            onClick={() => {
              setPlayed(true);
              play();
            }}
          >
            {t('lessons.play')}
          </button>
          {played && playing && !done && (
            <span className="podscope-lesson-muted">
              {t('lessons.playing', { speed: step.speed })}
            </span>
          )}
        </div>
        {step.action && (
          <div className="podscope-lesson-move" role="group" aria-label={t('lessons.yourMove')}>
            <p>
              <strong>{t('lessons.yourMove')}</strong>
            </p>
            <button type="button" className="podscope-btn" disabled={!canAct} onClick={act}>
              <RichText text={t(k('action'))} />
            </button>
            {played && !acted && !canAct && (
              <p className="podscope-lesson-muted">{t('lessons.actionLater')}</p>
            )}
            {acted && <p className="podscope-lesson-muted">{t('lessons.acted')}</p>}
          </div>
        )}
        <p className="podscope-lesson-check" role="status" data-reached={done}>
          {done
            ? t('lessons.reached', { what: t(k('check')) })
            : t('lessons.expect', { what: t(k('check')) })}
        </p>
        <button
          type="button"
          className="podscope-btn podscope-btn--primary"
          disabled={!done}
          onClick={onDone}
          data-lesson-next=""
        >
          {index + 1 < total ? t('lessons.next') : t('lessons.finish')}
        </button>
      </div>
    </article>
  );
}
