// Start a new line inside the function and let the model continue it.

function greet(name) {
  const hour = new Date().getHours();
  const part = hour < 12 ? 'morning' : 'afternoon';
  return `Good ${part}, ${name}!`;
}

module.exports = { greet };
