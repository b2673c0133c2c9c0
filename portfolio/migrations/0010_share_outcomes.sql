-- What a shared copy says of the outcomes its learner shares with programs (issue 12), so a
-- coach's cohort shows them: whether the learner shares outcomes with any program, and how many
-- outcomes that anonymous file holds. Only the count travels here, never the pseudonymous file:
-- beside the learner's name it would tie the pseudonym to the person.
ALTER TABLE share ADD COLUMN outcomes_shared INTEGER NOT NULL DEFAULT 0 CHECK (outcomes_shared IN (0, 1));
ALTER TABLE share ADD COLUMN outcomes_reported INTEGER NOT NULL DEFAULT 0 CHECK (outcomes_reported >= 0);
