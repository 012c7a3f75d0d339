package org.zged.model;

import org.zged.InputException;

/**
 * Checks the end of a zip held in memory: {@link java.util.zip.ZipInputStream} reads entries front
 * to back and never looks at the central directory, so a file cut off after its last entry would be
 * read as complete. A model file must end in an end-of-central-directory record whose directory
 * sits right before it; its entry count is then compared with the entries actually read. (Model
 * files are far below the 4 GB where ZIP64 records would be needed.)
 */
final class ZipDirectory {
  private static final int EOCD_SIGNATURE = 0x06054b50;
  private static final int EOCD_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  private ZipDirectory() {}

  /** The number of entries the central directory lists; an input error if it is missing. */
  static int entryCount(byte[] zip, String where) {
    int last = zip.length - EOCD_SIZE;
    int first = Math.max(0, last - MAX_COMMENT);
    for (int at = last; at >= first; at--) {
      if (int32(zip, at) != EOCD_SIGNATURE) {
        continue;
      }
      int comment = int16(zip, at + 20);
      long dirSize = int32(zip, at + 12) & 0xFFFFFFFFL;
      long dirOffset = int32(zip, at + 16) & 0xFFFFFFFFL;
      if (at + EOCD_SIZE + comment == zip.length && dirOffset + dirSize == at) {
        return int16(zip, at + 10);
      }
    }
    throw new InputException(where, "damaged zip: no central directory (the file is cut off)");
  }

  private static int int16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static int int32(byte[] b, int at) {
    return int16(b, at) | int16(b, at + 2) << 16;
  }
}
