/// A fixed-capacity queue that overwrites its oldest element when full.
pub struct RingBuffer<T> {
    slots: Vec<Option<T>>,
    head: usize,
    len: usize,
}

impl<T> RingBuffer<T> {
    pub fn with_capacity(capacity: usize) -> Self {
        assert!(capacity > 0, "capacity must be positive");
        let mut slots = Vec::with_capacity(capacity);
        slots.resize_with(capacity, || None);
        RingBuffer { slots, head: 0, len: 0 }
    }

    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, value: T) -> Option<T> {
        let index = (self.head + self.len) % self.capacity();
        if self.len == self.capacity() {
            let old = self.slots[self.head].replace(value);
            self.head = (self.head + 1) % self.capacity();
            return old;
        }
        self.slots[index] = Some(value);
        self.len += 1;
        None
    }

    pub fn pop(&mut self) -> Option<T> {
        if self.is_empty() {
            return None;
        }
        let value = self.slots[self.head].take();
        self.head = (self.head + 1) % self.capacity();
        self.len -= 1;
        value
    }
}

#[cfg(test)]
mod tests {
    use super::RingBuffer;

    #[test]
    fn overwrites_the_oldest_value_when_full() {
        let mut buffer = RingBuffer::with_capacity(2);
        buffer.push(1);
        buffer.push(2);
        assert_eq!(buffer.push(3), Some(1));
        assert_eq!(buffer.pop(), Some(2));
    }
}
