package io.latchkey.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The allocator option really changes the malloc a started process runs on. */
class AllocatorTest {

    @Test
    void jemallocIsLoadedIntoAProcessStartedWithItsEnvironment() throws Exception {
        assumeTrue(Allocator.preferred() == Allocator.JEMALLOC, "libjemalloc2 is not installed");

        assertThat(mapsOfAProcessWith(Allocator.parse("jemalloc"))).contains("libjemalloc.so.2");
        assertThat(mapsOfAProcessWith(Allocator.parse("glibc"))).doesNotContain("libjemalloc");
    }

    @Test
    void theOptionNamesOnlyTheAllocatorsItKnows() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--root=..", "--malloc=tcmalloc"))
                .withMessageContaining("jemalloc or glibc");
        assertThat(BenchOptions.parse("--root=..", "--malloc=glibc").appProcessEnvironment()).isEmpty();
        assertThat(BenchOptions.parse("--root=..", "--malloc=glibc", "--app-environment=MALLOC_ARENA_MAX=2").appProcessEnvironment())
                .containsExactly(java.util.Map.entry("MALLOC_ARENA_MAX", "2"));
    }

    private static String mapsOfAProcessWith(Allocator allocator) throws Exception {
        ProcessBuilder cat = new ProcessBuilder(List.of("cat", "/proc/self/maps")).redirectErrorStream(true);
        cat.environment().putAll(allocator.environment());
        Process process = cat.start();
        String maps = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return maps;
    }
}
