package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLockTest {
    @TempDir
    Path dir;

    @Test
    void aHeldFolderIsRefusedWithOneLineNamingItAndTheHolder() {
        Path data = dir.resolve("data");
        try (DataLock held = DataLock.acquire(data)) {
            assertThat(data.resolve(DataLock.FILE)).content().isEqualTo(ProcessHandle.current().pid() + "\n");
            assertThatThrownBy(() -> DataLock.acquire(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(data.toAbsolutePath() + " is in use by another parley run (pid "
                            + ProcessHandle.current().pid()
                            + "); stop it first, or give this one another --data folder");
        }
    }

    @Test
    void aReleasedOrLeftOverLockFileIsTakenAgain() throws Exception {
        Files.writeString(dir.resolve(DataLock.FILE), "99999999\n");
        try (DataLock first = DataLock.acquire(dir)) {
            assertThat(dir.resolve(DataLock.FILE)).content().isEqualTo(ProcessHandle.current().pid() + "\n");
        }
        try (DataLock again = DataLock.acquire(dir)) {
            assertThat(again).isNotNull();
        }
    }
}
