-- Evidence gets a title in each language, like experiences and microcredentials.
-- The one title kept so far was written in the learner's own language: it goes to French when
-- their profile says they prefer French, to English otherwise (as the app wrote it in English
-- screens and the profile asks for the language only once).
ALTER TABLE evidence RENAME COLUMN title TO title_en;
ALTER TABLE evidence ADD COLUMN title_fr TEXT NOT NULL DEFAULT '';
UPDATE evidence SET title_fr = title_en, title_en = ''
    WHERE (SELECT preferred_language FROM learner WHERE id = 1) = 'fr';
