"""touzi.corpus: read articles from files and crawls, clean their text, detect date and outlet."""
