package org.techroute.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TechrouteMainTest {

    @Test
    void usageNamesTheServeCommand() {
        assertThat(TechrouteMain.USAGE).contains("serve", "solve", "generate");
    }

    @Test
    void commandLineCommandsRunWithoutSpring() {
        assertThat(TechrouteMain.run(new String[] { "help" })).isZero();
        assertThat(TechrouteMain.run(new String[] { "solve" })).isEqualTo(2);
        assertThat(TechrouteMain.run(new String[] { "frobnicate" })).isEqualTo(2);
    }
}
