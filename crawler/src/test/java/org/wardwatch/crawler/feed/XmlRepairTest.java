package org.wardwatch.crawler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlRepairTest {
    @Test
    void htmlEntitiesBecomeCharacterReferencesAndBareAmpersandsText() {
        assertThat(XmlRepair.repair("<t>caf&eacute;&nbsp;A&E &amp; R&D &#233; &#x2014; &lt;</t>"))
                .isEqualTo("<t>caf&#233;&#160;A&amp;E &amp; R&amp;D &#233; &#x2014; &lt;</t>");
    }

    @Test
    void declaredEntitiesStayAndUnknownOnesBecomeLiteralText() {
        String doc = "<!DOCTYPE rss [<!ENTITY trust \"Northgate\">]><rss>&trust; &nosuch;</rss>";
        assertThat(XmlRepair.repair(doc)).isEqualTo("<!DOCTYPE rss [<!ENTITY trust \"Northgate\">]><rss>&trust; &amp;nosuch;</rss>");
    }

    @Test
    void cdataAndCommentsAreLeftAlone() {
        String doc = "<d><![CDATA[A & B &nbsp;]]><!-- a & b --></d>";
        assertThat(XmlRepair.repair(doc)).isEqualTo(doc);
    }

    @Test
    void forbiddenCharactersBecomeReplacementCharactersAndLinesStay() {
        assertThat(XmlRepair.repair("<t>a\u000Bb\u001Ac&#1;d\uD800e</t>")).isEqualTo("<t>a\uFFFDb\uFFFDc&#xFFFD;d\uFFFDe</t>");
        String late = "\n\n<!-- x -->\n<?xml version=\"1.0\"?>\n<rss/>";
        String repaired = XmlRepair.repair(late);
        assertThat(repaired).isEqualTo("\n\n<!-- x -->\n                     \n<rss/>");
        assertThat(repaired.lines().count()).isEqualTo(late.lines().count());
    }
}
