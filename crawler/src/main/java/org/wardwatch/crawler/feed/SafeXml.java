package org.wardwatch.crawler.feed;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Parses a feed's text strictly into a JDOM document, for ROME. A DOCTYPE is allowed (RSS 0.91 has
 * one, and HTML entities come with them) but nothing outside the document is ever read: external
 * entities and DTDs are switched off, the JDK's access properties allow no protocol, and the entity
 * resolver answers every request with nothing, so a feed can make us open neither a file nor a
 * connection. Entity expansion is bounded by the JDK's secure-processing limits (64,000 expansions),
 * which end a billion-laughs document with the parser's own one-line reason.
 */
final class SafeXml {
    /** Characters entity expansion may produce in all; a feed's own text is not counted. */
    private static final String TOTAL_ENTITY_SIZE = "10000000";

    private SafeXml() {
    }

    static Document parse(String text) throws XmlProblem {
        SAXBuilder builder = new SAXBuilder(new Readers());
        builder.setExpandEntities(true);
        try {
            return builder.build(new StringReader(text));
        } catch (JDOMParseException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof SAXParseException sp ? sp.getMessage() : e.getMessage();
            throw new XmlProblem(e.getLineNumber(), e.getColumnNumber(), reason);
        } catch (JDOMException | IOException e) {
            throw new XmlProblem(-1, -1, e.getMessage());
        }
    }

    private static SAXParserFactory factory() {
        // the JDK's own parser, whatever else is on the classpath: its limits are the ones relied on here
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser refused a safety setting: " + e.getMessage(), e);
        }
        return f;
    }

    /** Hands JDOM a reader set up as above; a new one each parse, as SAX readers are not thread-safe. */
    private static final class Readers implements XMLReaderJDOMFactory {
        @Override
        public XMLReader createXMLReader() throws JDOMException {
            try {
                // a factory per parse: crawls run in parallel, and factories are not promised to be thread-safe
                SAXParser parser = factory().newSAXParser();
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                parser.setProperty("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", TOTAL_ENTITY_SIZE);
                XMLReader reader = parser.getXMLReader();
                reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
                return reader;
            } catch (ParserConfigurationException | SAXException e) {
                throw new JDOMException("cannot set up the XML parser: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean isValidating() {
            return false;
        }
    }

    /** The document is not XML the strict parser reads; line and column are -1 when it does not say. */
    static final class XmlProblem extends Exception {
        final int line;
        final int column;
        final String reason;

        XmlProblem(int line, int column, String reason) {
            super(reason);
            this.line = line;
            this.column = column;
            String r = reason == null || reason.isBlank() ? "the XML parser gave no reason" : reason;
            this.reason = r.lines().findFirst().orElse(r).strip();
        }

        /** Whether the parser stopped at a safety limit (entity expansion) rather than at a mistake. */
        boolean limit() {
            // the JDK's messages for its secure-processing limits are numbered JAXP00010001 and on
            return reason.startsWith("JAXP000100");
        }

        /** "line 12, column 5: The element type "title" must be terminated..." */
        String where() {
            return line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " + reason : reason;
        }
    }
}
