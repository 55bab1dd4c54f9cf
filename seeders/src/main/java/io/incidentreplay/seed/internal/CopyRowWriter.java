package io.incidentreplay.seed.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in PostgreSQL's COPY text format straight into a byte buffer and hands full buffers
 * to a {@link CopyIn}. This is the seeder's hot path (about 2M rows for {@code production}).
 *
 * <p>Design: no per-row objects and no {@code String} formatting. Pool values arrive pre-escaped as
 * UTF-8 bytes ({@link #escape(String)}) and are copied with {@code System.arraycopy}; numbers, dates
 * and timestamps are written digit by digit. The buffer is flushed whenever the next value might not
 * fit, so memory stays at one buffer however large the table. While the server parses one buffer the
 * generator fills the next, which keeps both cores busy.
 *
 * <p>Not thread-safe: one writer per COPY.
 */
public final class CopyRowWriter {

    private static final int BUFFER_BYTES = 1 << 18;
    /** Longest value written without a capacity check of its own (numbers, timestamps, markers). */
    private static final int SMALL_VALUE_BYTES = 32;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final CopyIn copy;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private boolean rowStarted;
    private long rows;

    public CopyRowWriter(CopyIn copy) {
        this.copy = copy;
    }

    /** COPY text escaping of one value (backslash, tab, newline, carriage return), as UTF-8 bytes. */
    public static byte[] escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value already escaped with {@link #escape(String)}. */
    public CopyRowWriter escaped(byte[] value) {
        separator(value.length);
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
        return this;
    }

    /** A value made of several pre-escaped parts, written without separators between them. */
    public CopyRowWriter concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        separator(length);
        for (byte[] part : parts) {
            System.arraycopy(part, 0, buffer, position, part.length);
            position += part.length;
        }
        return this;
    }

    public CopyRowWriter number(long value) {
        separator(SMALL_VALUE_BYTES);
        appendDigits(value);
        return this;
    }

    /**
     * Starts a value composed with {@link #append(byte[])}, {@link #appendNumber(long)} and
     * {@link #appendHex(long)}; {@code maxBytes} bounds everything appended to it.
     */
    public CopyRowWriter open(int maxBytes) {
        separator(maxBytes);
        return this;
    }

    /** Appends pre-escaped bytes to the value started with {@link #open(int)}. */
    public CopyRowWriter append(byte[] part) {
        System.arraycopy(part, 0, buffer, position, part.length);
        position += part.length;
        return this;
    }

    public CopyRowWriter appendNumber(long value) {
        appendDigits(value);
        return this;
    }

    /** Sixteen lower-case hex digits. */
    public CopyRowWriter appendHex(long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            buffer[position++] = HEX[(int) (value >>> shift) & 0xF];
        }
        return this;
    }

    public CopyRowWriter bool(boolean value) {
        separator(1);
        buffer[position++] = (byte) (value ? 't' : 'f');
        return this;
    }

    public CopyRowWriter nul() {
        separator(2);
        buffer[position++] = '\\';
        buffer[position++] = 'N';
        return this;
    }

    /** A {@code timestamptz} in UTC: {@code 2025-07-31 23:59:59+00}. */
    public CopyRowWriter timestamp(long epochSecond) {
        separator(SMALL_VALUE_BYTES);
        long day = Math.floorDiv(epochSecond, 86_400);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        appendDate(day);
        buffer[position++] = ' ';
        two(secondOfDay / 3600);
        buffer[position++] = ':';
        two(secondOfDay / 60 % 60);
        buffer[position++] = ':';
        two(secondOfDay % 60);
        buffer[position++] = '+';
        two(0);
        return this;
    }

    /** A {@code date}: {@code 2025-07-31}. */
    public CopyRowWriter date(long epochDay) {
        separator(SMALL_VALUE_BYTES);
        appendDate(epochDay);
        return this;
    }

    public void endRow() {
        ensure(1);
        buffer[position++] = '\n';
        rowStarted = false;
        rows++;
    }

    /** Sends what is buffered and returns the rows written; the caller ends the COPY. */
    public long finish() throws SQLException {
        flush();
        return rows;
    }

    private void separator(int valueBytes) {
        ensure(valueBytes + 1);
        if (rowStarted) {
            buffer[position++] = '\t';
        }
        rowStarted = true;
    }

    private void ensure(int bytes) {
        if (position + bytes > buffer.length) {
            try {
                flush();
            } catch (SQLException e) {
                throw new CopyFailedException(e);
            }
            if (bytes > buffer.length) {
                throw new IllegalArgumentException("value of " + bytes + " bytes exceeds the COPY buffer");
            }
        }
    }

    private void flush() throws SQLException {
        if (position > 0) {
            copy.writeToCopy(buffer, 0, position);
            position = 0;
        }
    }

    private void appendDate(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        two(year / 100);
        two(year % 100);
        buffer[position++] = '-';
        two(date.getMonthValue());
        buffer[position++] = '-';
        two(date.getDayOfMonth());
    }

    private void two(int value) {
        buffer[position++] = (byte) ('0' + value / 10);
        buffer[position++] = (byte) ('0' + value % 10);
    }

    private void appendDigits(long value) {
        if (value < 0) {
            buffer[position++] = '-';
            value = -value;
        }
        int start = position;
        do {
            buffer[position++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = position - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    /** A buffer could not be sent mid-row; unwrapped by the loader into its SQLException. */
    public static final class CopyFailedException extends RuntimeException {
        CopyFailedException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
