-- A design's current revision no longer repeats its document: the row's
-- `design` is NULL and the text is designs.design. A later save first moves
-- that text into the row, then replaces designs.design. A first save (an
-- import of a large manifest) writes the document once instead of twice.

CREATE TABLE design_revisions_compact (
  design_id TEXT NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  revision  INTEGER NOT NULL,
  saved_at  TEXT NOT NULL,
  saved_by  TEXT NOT NULL,
  name      TEXT NOT NULL,
  design    TEXT,  -- NULL for the current revision: designs.design holds it
  PRIMARY KEY (design_id, revision)
);

INSERT INTO design_revisions_compact (design_id, revision, saved_at, saved_by, name, design)
SELECT r.design_id, r.revision, r.saved_at, r.saved_by, r.name,
       CASE WHEN r.revision = d.revision THEN NULL ELSE r.design END
FROM design_revisions r JOIN designs d ON d.id = r.design_id;

DROP TABLE design_revisions;
ALTER TABLE design_revisions_compact RENAME TO design_revisions;
