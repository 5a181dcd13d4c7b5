//! The one bounded way into zip files (.xlsx, .ods, .docx): every part is decompressed
//! through a counter, never into a buffer sized by what the archive declares.
//!
//! A zip bomb is a small file whose parts unpack to gigabytes (a 2 MB .xlsx holding one
//! 2 GiB shared string), or whose declared sizes and counts lie. Here a part may unpack to
//! at most [`MAX_PART_BYTES`] and all parts together to [`MAX_UNPACKED_BYTES`]; reading
//! stops at the first byte past either, so time and memory stay proportional to the limits
//! whatever the file says about itself.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::file::ReadFailure;

/// Most bytes one part of an archive may unpack to (a 100-page plan's `document.xml` is
/// about 5 MB; a sheet of 100,000 rows about 20 MB).
pub const MAX_PART_BYTES: usize = 32 * 1024 * 1024;
/// Most bytes all the parts of one archive may unpack to together.
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;
/// Most entries an archive may list (Office files hold a few dozen).
pub const MAX_PARTS: usize = 10_000;

/// An open archive and what is left of its unpacking allowance.
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    allowance: usize,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ReadFailure> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
        if zip.len() > MAX_PARTS {
            return Err(ReadFailure::damaged(format!(
                "the file lists {} parts; an Office file has a few dozen",
                zip.len()
            )));
        }
        Ok(Archive {
            zip,
            allowance: MAX_UNPACKED_BYTES,
        })
    }

    /// Whether the archive has a part of this name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// A part's bytes, or `None` when there is no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ReadFailure> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let mut bytes = Vec::new();
        self.unpack(index, &mut bytes)?;
        Ok(Some(bytes))
    }

    /// Unpacks every part without keeping it, so that a reader which opens the archive
    /// itself (calamine) only ever sees an archive known to unpack within the limits.
    /// Returns each part's name and unpacked size.
    pub fn check_every_part(&mut self) -> Result<Vec<(String, usize)>, ReadFailure> {
        (0..self.zip.len())
            .map(|index| self.unpack(index, &mut std::io::sink()))
            .collect()
    }

    fn unpack(
        &mut self,
        index: usize,
        into: &mut impl std::io::Write,
    ) -> Result<(String, usize), ReadFailure> {
        let mut part = self.zip.by_index(index).map_err(damaged)?;
        let name = part
            .name()
            .map(|name| name.into_owned())
            .unwrap_or_default();
        let limit = MAX_PART_BYTES.min(self.allowance);
        // One byte more than allowed tells "at the limit" from "past it".
        let mut bounded = (&mut part).take(limit as u64 + 1);
        let unpacked = std::io::copy(&mut bounded, into).map_err(|error| {
            ReadFailure::damaged(format!("part \"{name}\" could not be unpacked: {error}"))
        })?;
        let unpacked = usize::try_from(unpacked).unwrap_or(usize::MAX);
        if unpacked > limit {
            return Err(ReadFailure::Unpacks {
                part: name,
                limit: if limit == MAX_PART_BYTES {
                    MAX_PART_BYTES
                } else {
                    MAX_UNPACKED_BYTES
                },
            });
        }
        self.allowance -= unpacked;
        Ok((name, unpacked))
    }
}

fn damaged(error: zip::result::ZipError) -> ReadFailure {
    ReadFailure::damaged(format!("it is not a readable zip archive ({error})"))
}

/// Reads a whole part as UTF-8 text (XML parts of Office files are UTF-8).
pub fn text(bytes: Vec<u8>, part: &str) -> Result<String, ReadFailure> {
    String::from_utf8(bytes)
        .map_err(|_| ReadFailure::damaged(format!("part \"{part}\" is not UTF-8 text")))
}
