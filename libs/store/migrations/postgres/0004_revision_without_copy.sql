-- A design's current revision no longer repeats its document: the row's
-- `design` is NULL and the text is designs.design. A later save first moves
-- that text into the row, then replaces designs.design. A first save (an
-- import of a large manifest) writes the document once instead of twice.

ALTER TABLE design_revisions ALTER COLUMN design DROP NOT NULL;

UPDATE design_revisions r SET design = NULL
FROM designs d WHERE d.id = r.design_id AND r.revision = d.revision;
