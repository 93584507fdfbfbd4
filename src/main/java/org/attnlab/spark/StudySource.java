package org.attnlab.spark;

import java.nio.file.Path;
import org.attnlab.audit.UnitEngine;
import org.attnlab.internal.Checks;
import org.attnlab.study.Study;
import org.attnlab.study.StudyFile;
import org.attnlab.study.StudyRun;

/**
 * A study, shipped to executors as the text of its study file (validated again there).
 *
 * @param text the study file's TOML text
 * @param name the file's name, for messages
 */
public record StudySource(String text, String name) implements FamilySource {

    private static final long serialVersionUID = 1L;

    public StudySource {
        Checks.notNull("text", text);
        Checks.notNull("name", name);
    }

    @Override
    public void replay(UnitEngine engine, Path scratch) throws Exception {
        Study study = StudyFile.parse(text, name);
        StudyRun.run(study, scratch, engine);
    }

    @Override
    public String describe() {
        return "study " + name;
    }
}
