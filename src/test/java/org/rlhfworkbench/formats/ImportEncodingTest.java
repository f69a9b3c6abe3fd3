package org.rlhfworkbench.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.store.Project;

/** Bytes that are not UTF-8 cost only their line; a leading byte order mark is not part of line 1. */
class ImportEncodingTest {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path tmp;

    private Path file(String name, Object... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.write(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path f = tmp.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void anInvalidUtf8LineIsNamedAndSkippedWithSkipBad() throws Exception {
        Path in = file("latin1.jsonl", "{\"prompt\":\"one\",\"completion\":\"a\"}\n",
                "{\"prompt\":\"caf", new byte[] {(byte) 0xE9}, "\",\"completion\":\"b\"}\n",   // Latin-1 é
                "{\"prompt\":\"three\",\"completion\":\"c\"}\r\n");
        try (Project p = Project.create(tmp.resolve("p"))) {
            assertThatThrownBy(() -> Importer.importFile(p, in, ImportFormat.SFT, false))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("latin1.jsonl:2: not valid UTF-8 (byte 0xE9 at byte 15 of the line)")
                    .hasMessageContaining("nothing was imported");
            assertThat(p.counts().prompts()).isZero();
            ImportReport r = Importer.importFile(p, in, ImportFormat.SFT, true);
            assertThat(r.records()).isEqualTo(2);
            assertThat(r.skipped()).extracting(BadLine::line).containsExactly(2L);
            assertThat(p.prompts().all()).extracting(Prompt::text).containsExactly("one", "three");
        }
    }

    @Test
    void aLeadingByteOrderMarkIsDroppedInEveryFormat() throws Exception {
        Path sft = file("bom.jsonl", BOM, "{\"prompt\":\"q\",\"completion\":\"a\"}\n");
        Path prompts = file("bom.txt", BOM, "first prompt\nsecond prompt\n");
        Path ranked = file("bom-rank.jsonl", BOM, "{\"prompt\":\"r\",\"responses\":[\"x\",\"y\"],\"rewards\":[1,0]}\n");
        try (Project p = Project.create(tmp.resolve("p"))) {
            Importer.importFile(p, sft, ImportFormat.SFT, false);
            Importer.importFile(p, prompts, ImportFormat.PROMPTS, false);
            Importer.importFile(p, ranked, ImportFormat.RLHFLOW, false);
            assertThat(p.prompts().all()).extracting(Prompt::text)
                    .containsExactly("q", "first prompt", "second prompt", "r");
        }
    }
}
