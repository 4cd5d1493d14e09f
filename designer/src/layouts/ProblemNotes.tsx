// The validators' problems shown beside the layout element their path names.
import type { ProblemDetail } from '../api/client';

export function ProblemNotes({ problems }: { problems: readonly ProblemDetail[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="problem-notes">
      {problems.map((problem) => (
        <p key={`${problem.path}:${problem.message}`} className="inline-error">
          {problem.message}
        </p>
      ))}
    </div>
  );
}
