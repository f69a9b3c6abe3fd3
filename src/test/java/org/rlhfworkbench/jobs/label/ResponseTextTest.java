package org.rlhfworkbench.jobs.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;

class ResponseTextTest {
    @Test
    void dropsOneLeadingSpaceAndCutsAtANewUserTurn() {
        assertThat(ResponseText.clean(" 12, of course.\nUser: and 3 + 4?\nAssistant: 7"))
                .isEqualTo("12, of course.");
        assertThat(ResponseText.clean("  two spaces")).isEqualTo(" two spaces");
    }

    @Test
    void cutsAtAnHhHumanTurnAndDropsTrailingWhitespace() {
        assertThat(ResponseText.clean(" Sure.\n\nHuman: thanks")).isEqualTo("Sure.");
        assertThat(ResponseText.clean(" Done.\n\n")).isEqualTo("Done.");
    }

    @Test
    void streamingHoldsBackWhatMightStartANewTurnAndEndsExactlyAsClean() {
        String continuation = " Hi there\nUse it well\nUser: next";
        ResponseText t = new ResponseText();
        StringBuilder streamed = new StringBuilder();
        for (String piece : List.of(" Hi", " there", "\n", "Use", " it", " well", "\n", "User", ":", " next")) {
            String out = t.push(piece);
            assertThat(streamed.toString() + out).doesNotContain("\nUser");
            streamed.append(out);
        }
        assertThat(t.ended()).isTrue();
        streamed.append(t.rest());
        assertThat(streamed.toString()).isEqualTo(ResponseText.clean(continuation)).isEqualTo("Hi there\nUse it well");
    }

    @Test
    void aHeldBackPartialMarkerIsReleasedAtTheEnd() {
        ResponseText t = new ResponseText();
        assertThat(t.push(" a\nUs")).isEqualTo("a");
        assertThat(t.rest()).isEqualTo("\nUs");
    }

    @Test
    void promptsRenderWithTheDefaultTemplateAsConversationsOrAsHhDialogues() {
        PromptFormat f = PromptFormat.defaults();
        assertThat(f.render(new Prompt(1, "Add 2 and 3.", List.of(), "x", "train")))
                .isEqualTo("User: Add 2 and 3.\nAssistant:");
        assertThat(f.render(new Prompt(2, "ignored", List.of(Message.user("Hi"), Message.assistant("Hello!"),
                Message.user("Add 2 and 3.")), "x", "train")))
                .isEqualTo("User: Hi\nAssistant: Hello!\nUser: Add 2 and 3.\nAssistant:");
        String hh = "\n\nHuman: Add 2 and 3.\n\nAssistant:";
        assertThat(f.render(new Prompt(3, hh, List.of(), "x", "train"))).isEqualTo(hh);
        assertThat(new PromptFormat("Q: {prompt}\nA:").render(new Prompt(4, "Why?", List.of(), "x", "train")))
                .isEqualTo("Q: Why?\nA:");
    }
}
