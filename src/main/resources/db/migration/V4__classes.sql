-- A student sets a first password with a one-time code alone (no class code, no name), so the code's hash
-- must find one student, quickly. Unique: a clash of two live codes makes the writer draw another.
create unique index student_setup_code on student (setup_code_hash) where setup_code_hash is not null;
