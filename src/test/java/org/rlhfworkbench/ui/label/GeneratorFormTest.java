package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.label.GeneratorSettings;

/** The side panel's generator settings: one line per wrong field, nothing stored then; a good change stored once. */
class GeneratorFormTest {
    private final FakeLabelingService service = FakeLabelingService.complete(4, 3).withTwoModels();
    private final LabelViewModel vm = new LabelViewModel(new SameThreadBackgroundExecutor(),
            KeyMapStore.inMemory(KeyMap.defaults()));
    private final GeneratorForm form = vm.generator();

    private void open() {
        vm.open(service);
        assertThat(vm.screen().phaseProperty().get()).isEqualTo(Phase.LABELING);
    }

    @Test
    void showsTheGeneratorInForceInTheFieldsAndAboveTheCards() {
        open();
        assertThat(form.modelProperty().get().name()).isEqualTo("base");
        assertThat(form.kProperty().get()).isEqualTo("4");
        assertThat(form.temperatureProperty().get()).isEqualTo("0.7");
        assertThat(form.topPProperty().get()).isEqualTo("1");
        assertThat(form.maxNewTokensProperty().get()).isEqualTo("64");
        assertThat(form.cardsLineProperty().get())
                .isEqualTo("answers from base (gpt2, 8.8M) · K 4 · T 0.7 · top-p 1 · max 64 tokens · plain prompt");
        assertThat(form.chatOfferedBinding().get()).isFalse();
    }

    @ParameterizedTest(name = "K={0} T={1} top-p={2} max={3}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | 0.7 | 1    | 64   | K must be from 2 to 9 (was 1).
            10  | 0.7 | 1    | 64   | K must be from 2 to 9 (was 10).
            four| 0.7 | 1    | 64   | K must be a whole number (was "four").
            4   | 0   | 1    | 64   | Temperature must be above 0 (was 0).
            4   | -1  | 1    | 64   | Temperature must be above 0 (was -1).
            4   | hot | 1    | 64   | Temperature must be a number such as 0.7 (was "hot").
            4   | 0.7 | 0    | 64   | Top-p must be above 0 and at most 1 (was 0).
            4   | 0.7 | 1.5  | 64   | Top-p must be above 0 and at most 1 (was 1.5).
            4   | 0.7 | 1    | 0    | Max new tokens must be from 1 to 4096 (was 0).
            4   | 0.7 | 1    | 4097 | Max new tokens must be from 1 to 4096 (was 4097).
            4   | 0.7 | 1    | 1.5  | Max new tokens must be a whole number (was "1.5").
            """)
    void aWrongFieldIsOneClearLineAndNothingIsStored(String k, String t, String p, String max, String line) {
        open();
        form.kProperty().set(k);
        form.temperatureProperty().set(t);
        form.topPProperty().set(p);
        form.maxNewTokensProperty().set(max);

        assertThat(form.apply()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo(line);
        assertThat(service.generatorChanges).isEmpty();
    }

    @Test
    void theEdgesOfEveryRangeAreAccepted() {
        open();
        form.kProperty().set("9");
        form.temperatureProperty().set("0.01");
        form.topPProperty().set("1");
        form.maxNewTokensProperty().set("4096");
        assertThat(form.apply()).isTrue();
        form.kProperty().set("2");
        form.maxNewTokensProperty().set("1");
        assertThat(form.apply()).isTrue();

        assertThat(service.generatorChanges).containsExactly(new GeneratorSettings(1, 9, 0.01f, 1f, 4096, "plain"),
                new GeneratorSettings(1, 2, 0.01f, 1f, 1, "plain"));
        assertThat(form.problemProperty().get()).isEmpty();
    }

    @Test
    void chatIsOfferedOnlyForAModelWithAChatTemplate() {
        open();
        form.formatProperty().set("chat");
        assertThat(form.apply()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("base has no chat template: choose the plain prompt format.");

        form.modelProperty().set(form.models().get(1));
        assertThat(form.chatOfferedBinding().get()).isTrue();
        form.formatProperty().set("chat");
        assertThat(form.apply()).isTrue();
        // back to a model without a template: the format falls back to plain by itself
        form.modelProperty().set(form.models().get(0));
        assertThat(form.formatProperty().get()).isEqualTo("plain");
    }

    @Test
    void aChangeAppliesFromTheNextPromptAndTheCurrentCardsStay() {
        open();
        form.modelProperty().set(form.models().get(1));
        form.kProperty().set("3");
        form.formatProperty().set("chat");
        assertThat(form.apply()).isTrue();

        assertThat(service.generatorChanges).containsExactly(new GeneratorSettings(2, 3, 0.7f, 1f, 64, "chat"));
        assertThat(vm.cards()).hasSize(4);
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 1?");
        assertThat(form.cardsLineProperty().get()).isEqualTo("next prompt: answers from sft-2 (qwen2, 494M) · K 3 · T 0.7"
                + " · top-p 1 · max 64 tokens · chat template (these cards: base (gpt2, 8.8M) · K 4 · T 0.7 · top-p 1"
                + " · max 64 tokens · plain prompt)");
        assertThat(vm.screen().messageProperty().get()).startsWith("From the next prompt: answers from sft-2");

        vm.skip();
        assertThat(vm.screen().promptProperty().get()).isEqualTo("Prompt number 2?");
        assertThat(form.cardsLineProperty().get()).startsWith("answers from sft-2 (qwen2, 494M) · K 3");
    }

    @Test
    void applyingUnchangedSettingsStoresNothing() {
        open();
        assertThat(form.apply()).isTrue();
        assertThat(service.generatorChanges).isEmpty();
    }
}
