"""touzi.spiders: the Scrapy project that crawls local news and government sites."""
