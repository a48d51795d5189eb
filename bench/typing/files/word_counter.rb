# Counts words in text files and prints the most frequent ones.
require "optparse"

class WordCounter
  attr_reader :counts

  def initialize(min_length: 1, ignore: [])
    @min_length = min_length
    @ignore = ignore.map(&:downcase)
    @counts = Hash.new(0)
  end

  def add_line(line)
    line.downcase.scan(/[a-z']+/) do |word|
      next if word.length < @min_length
      next if @ignore.include?(word)
      @counts[word] += 1
    end
  end

  def add_file(path)
    File.foreach(path) { |line| add_line(line) }
    self
  end

  def top(limit)
    @counts.sort_by { |word, count| [-count, word] }.first(limit)
  end

  def total
    @counts.values.sum
  end
end

options = { limit: 10, min_length: 3 }
OptionParser.new do |parser|
  parser.banner = "Usage: word_counter.rb [options] FILE..."
  parser.on("-n", "--limit N", Integer, "how many words to show") { |n| options[:limit] = n }
  parser.on("-m", "--min-length N", Integer, "shortest word counted") { |n| options[:min_length] = n }
end.parse!

counter = WordCounter.new(min_length: options[:min_length], ignore: %w[the and for with])
ARGV.each { |path| counter.add_file(path) }
counter.top(options[:limit]).each do |word, count|
  puts format("%-20s %6d", word, count)
end
puts "#{counter.total} words counted"
