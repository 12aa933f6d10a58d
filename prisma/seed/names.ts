// Synthetic Peruvian names and places. Combinations are drawn at random, so no row describes
// a real person.

export const SURNAMES = [
  "Quispe", "Flores", "Sánchez", "Rodríguez", "García", "Rojas", "Mendoza", "Huamán", "Chávez",
  "Ramírez", "Torres", "Vásquez", "Castillo", "Díaz", "Gutiérrez", "Cruz", "Espinoza", "Mamani",
  "Pérez", "Ramos", "Reyes", "Vargas", "Romero", "Salazar", "Alvarado", "Castro", "Paredes",
  "Silva", "Medina", "Aguilar", "Valverde", "Benites", "Rengifo", "Cabrera", "Polo", "Alfaro",
  "Zavaleta", "Honorio", "Cotrina", "Lozano", "Cárdenas", "Condori", "Ccahuana", "Huarcaya",
  "Villanueva", "León", "Campos", "Gamarra", "Ortiz", "Ruiz", "Asmat", "Calderón", "Tello",
  "Julca", "Ynga", "Vilca", "Tapia", "Salinas", "Chuquimango", "Arteaga", "Bazán", "Ulloa",
];

export const GIVEN_NAMES_F = [
  "María Fernanda", "Valeria", "Camila", "Luciana", "Ximena", "Alexandra", "Daniela", "Nicole",
  "Kiara", "Milagros", "Rosa Angélica", "Jimena", "Yesenia", "Flor de María", "Brigitte",
  "Dayana", "Mariana", "Sofía", "Fiorella", "Antonella", "Lizbeth", "Nayeli", "Ruth", "Sheyla",
  "Kimberly", "Araceli", "Maricielo", "Estefany", "Yuliana", "Thalía", "Karen", "Andrea",
  "Leslie", "Ana Lucía", "Heydi", "Deysi", "Gianella", "Judith", "Rocío", "Abigail",
];

export const GIVEN_NAMES_M = [
  "José Luis", "Luis Ángel", "Carlos", "Jhon", "Anderson", "Diego", "Sebastián", "Jean Pierre",
  "Bryan", "Kevin", "Fabricio", "Jhordan", "Renato", "Alexis", "Miguel Ángel", "Juan Carlos",
  "Piero", "Jesús", "Franco", "Gabriel", "Rodrigo", "Brayan", "Josué", "Erick", "Yordi",
  "Santiago", "Jefferson", "Marco Antonio", "Cristian", "Aldair", "Mathías", "Joel", "Ángel",
  "Edwin", "Henry", "Ronaldo", "Gerson", "Víctor Hugo", "Wilmer", "Julio César",
];

export const GUARDIAN_GIVEN_F = [
  "Rosa", "Carmen", "Elena", "Julia", "Marleni", "Gladys", "Nelly", "Doris", "Maribel", "Luz",
  "Edith", "Norma", "Yolanda", "Sonia", "Pilar", "Felícita", "Elsa", "Juana", "Hilda", "Teresa",
];

export const GUARDIAN_GIVEN_M = [
  "Juan", "Pedro", "Segundo", "Walter", "César", "Manuel", "Jorge", "Víctor", "Oswaldo", "Hugo",
  "Alberto", "Teodoro", "Félix", "Raúl", "Wilfredo", "Santos", "Eduardo", "Marcos",
];

/** Districts where each school's students live (the school's own district first). */
export const DISTRICTS_BY_SCHOOL: Record<string, readonly string[]> = {
  "1000001": ["Trujillo", "El Porvenir", "Florencia de Mora", "La Esperanza"],
  "1000002": ["Trujillo", "La Esperanza", "Víctor Larco Herrera", "Alto Trujillo"],
  "2000001": ["Independencia", "Comas", "Los Olivos", "San Martín de Porres"],
  "2000002": ["San Juan de Lurigancho", "San Juan de Lurigancho", "El Agustino"],
};

export const STREETS = [
  "Los Pinos", "Las Begonias", "Túpac Amaru", "José Olaya", "Miraflores", "César Vallejo",
  "Los Incas", "Mansiche", "Independencia", "Santa Rosa", "Los Geranios", "Micaela Bastidas",
  "San Martín", "Grau", "Bolognesi", "Las Palmeras", "Huáscar", "Amazonas", "Unión", "Progreso",
];

export const STREET_TYPES = ["Av.", "Jr.", "Calle", "Psje."] as const;

export const SETTLEMENTS = [
  "AA.HH. Nueva Esperanza", "AA.HH. Santa Rosa", "Asoc. de Viv. Los Jardines", "AA.HH. 12 de Octubre",
  "P.J. El Milagro", "AA.HH. Villa El Sol", "Asoc. Las Lomas", "AA.HH. Señor de los Milagros",
];

export const REFERENCES = [
  "Frente al mercado", "A media cuadra del colegio", "Al costado de la bodega", "Portón verde",
  "Casa de dos pisos color crema", "Espalda de la losa deportiva", "Cerca al paradero final",
  "Frente a la iglesia", "Pasando el puente", "A dos cuadras de la comisaría",
];

// References that lead nowhere: the pilot's "direcciones poco específicas".
export const VAGUE_REFERENCES = ["Por el cerro", "Parte alta", "Preguntar por la señora", "Cerca al canal", null];

export const GUARDIAN_RELATIONSHIPS = [
  ["Madre", 55], ["Padre", 18], ["Abuela", 12], ["Tía", 7], ["Hermana mayor", 4], ["Abuelo", 2], ["Tío", 2],
] as const;
