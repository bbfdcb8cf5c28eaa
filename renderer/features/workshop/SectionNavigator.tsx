import { RingProgress, UnstyledButton } from '@mantine/core';
import { sections, type SectionId, type sectionProgress } from '../../../shared/model/sections';

/** The parts of the agreement down the left: number, title, how many items are settled and disputed. */
export function SectionNavigator({ current, progress, onGo }: { current: SectionId; progress: ReturnType<typeof sectionProgress>; onGo: (section: SectionId) => void }) {
  return (
    <nav className="workshop-nav" aria-label="Parts of the agreement">
      <ol>
        {sections.map((entry) => {
          const done = progress[entry.id];
          const isCurrent = entry.id === current;
          const percent = done.total === 0 ? 0 : (done.settled / done.total) * 100;
          return (
            <li key={entry.id}>
              <UnstyledButton className="workshop-nav-item" data-active={isCurrent || undefined} aria-current={isCurrent ? 'page' : undefined} onClick={() => onGo(entry.id)}>
                <span className="workshop-nav-number">{entry.number}</span>
                <span className="workshop-nav-title">{entry.title}</span>
                {done.total > 0 && (
                  <span className="workshop-nav-progress" aria-label={`${done.settled} of ${done.total} settled${done.disputed ? `, ${done.disputed} disputed` : ''}`}>
                    {done.disputed > 0 && <span className="workshop-nav-disputed">{done.disputed}</span>}
                    <RingProgress size={30} thickness={4} roundCaps sections={[{ value: percent, color: percent === 100 ? 'teal' : 'accord' }]} />
                    <span>
                      {done.settled}/{done.total}
                    </span>
                  </span>
                )}
              </UnstyledButton>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
